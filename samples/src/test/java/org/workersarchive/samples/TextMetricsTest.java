package org.workersarchive.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.workersarchive.core.EntityType;

class TextMetricsTest {

    @Test
    void characterAndWordErrorRates() {
        assertEquals(1 / 3.0, TextMetrics.cer("abc", "abd"), 1e-9);
        assertEquals(0.0, TextMetrics.cer("Мясников  в\nМоскве", "Мясников в Москве\f"));
        assertEquals(2 / 17.0, TextMetrics.cer("Мясников в Москве", "Мясников в Маскве!"), 1e-9);
        assertEquals(0.5, TextMetrics.wer("le groupe ouvrier parle", "le group ouvrier parle!"), 1e-9);
        assertEquals(1.0, TextMetrics.cer("abc", ""));
        assertEquals(0.0, TextMetrics.cer("", ""));
    }

    @Test
    void entitiesAreScoredAsMultisetsPerType() {
        var myasnikov = new EntityScores.Scored(EntityType.PERSON, "myasnikov");
        var lenin = new EntityScores.Scored(EntityType.PERSON, "lenin");
        var paris = new EntityScores.Scored(EntityType.PLACE, "paris");
        Map<EntityType, Prf> scores = EntityScores.score(List.of(myasnikov, myasnikov, paris),
                List.of(myasnikov, myasnikov, myasnikov, lenin));
        assertEquals(new Prf(2, 2, 0), scores.get(EntityType.PERSON));
        assertEquals(new Prf(0, 0, 1), scores.get(EntityType.PLACE));
        assertEquals(0.5, scores.get(EntityType.PERSON).precision());
        assertEquals(2 * 0.5 / 1.5, scores.get(EntityType.PERSON).f1(), 1e-9);
        assertEquals(0.0, scores.get(EntityType.PLACE).recall());
    }
}
