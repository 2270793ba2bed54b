package org.workersarchive.annotate;

import java.util.ArrayList;
import java.util.List;
import org.workersarchive.core.Block;
import org.workersarchive.core.EntityType;

/**
 * Finds names with a trained {@link NameModel}: a block's words cut into {@link NamePieces}, each
 * with its {@link NameFeatures}, among them what the authority list and the date recogniser
 * already found there; the model's names are given back over the annotators' tokens, without a
 * key, their confidence the model's probability. Two rules follow the model, both measured on
 * held-out documents (docs/ner-notes.md): a person's name takes in the titles before it
 * ({@link NameTitleRule}), and a name found once is marked wherever its pieces recur in the block
 * ({@link NameConsistency}). Training reads blocks through the very same
 * {@link #read} (see {@link NameTrainer}), so that a model sees at work what it saw in training.
 * Stateless; thread-safe.
 */
final class NameRecognizer {

    /** A block as the model reads it. */
    record Reading(NamePieces pieces, String[][] features) {
    }

    private NameRecognizer() {
    }

    /**
     * The pieces of a block and their features.
     *
     * @param tokens the block's tokens ({@link Token#of(Block)})
     * @param known  what other recognisers found among the tokens
     */
    static Reading read(Block block, List<Token> tokens, List<TokenMatch> known) {
        NamePieces pieces = NamePieces.of(block, tokens);
        EntityType[] tokenTypes = new EntityType[tokens.size()];
        for (TokenMatch match : known) {
            java.util.Arrays.fill(tokenTypes, match.start(), match.end(), match.type());
        }
        EntityType[] pieceTypes = new EntityType[pieces.pieces().size()];
        for (int i = 0; i < pieceTypes.length; i++) {
            int token = pieces.firstToken()[pieces.pieces().get(i).word()];
            pieceTypes[i] = token < 0 ? null : tokenTypes[token];
        }
        return new Reading(pieces, NameFeatures.of(pieces, pieceTypes));
    }

    /** The model's names in a block, over its tokens, in reading order. */
    static List<TokenMatch> find(NameModel model, Block block, List<Token> tokens, List<TokenMatch> known) {
        Reading reading = read(block, tokens, known);
        List<TokenMatch> names = new ArrayList<>();
        String[] texts = reading.pieces().texts();
        List<NameModel.Found> byModel = NameTitleRule.apply(model.language(), texts, model.find(texts, reading.features()));
        for (NameModel.Found found : NameConsistency.extend(texts, byModel)) {
            int[] range = reading.pieces().tokenRange(found.start(), found.end());
            if (range != null) {
                names.add(new TokenMatch(found.type(), range[0], range[1], null, null, found.probability(),
                        reading.pieces().bounds(found.start(), found.end(), tokens, range)));
            }
        }
        return names;
    }
}
