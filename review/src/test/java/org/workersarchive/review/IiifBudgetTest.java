package org.workersarchive.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A page of 10,000 x 10,000 pixels served by a real server process with a heap of 256 MB: a dozen
 * full-size views at once are each answered, with an image within the largest the server returns or
 * with 503 and when to ask again, never 500 or an OutOfMemoryError; a size beyond the largest is
 * refused with it (400); a small view of the whole page comes at once.
 */
class IiifBudgetTest {

    private static final int SIDE = 10_000;
    private static final int AT_ONCE = 12;

    @TempDir
    Path root;

    @Test
    void aDozenFullSizeViewsOfAHugePageNeverExhaustASmallHeap() throws Exception {
        Path image = BigPages.drawn(root.resolve("huge.png"), SIDE, SIDE);
        ArchiveFixture.makeWithPageImage(root.resolve("archive"), image, SIDE, SIDE);
        String page = "/iiif/3/" + ArchiveFixture.ID + "/1/";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60)).build();
        try (ServerProcess server = ServerProcess.start(root.resolve("archive"), "256m", root.resolve("server.log"))) {
            String base = "http://127.0.0.1:" + server.port();
            JsonNode info = new ObjectMapper().readTree(get(client, base + page + "info.json").body());
            long maxArea = info.path("maxArea").asLong();
            int maxWidth = info.path("maxWidth").asInt();
            assertTrue(maxArea > 0 && maxArea < (long) SIDE * SIDE, "info.json says the largest image: " + info);

            List<HttpResponse<byte[]>> answers = all(client, base + page + "full/max/0/default.png");
            int served = 0;
            for (HttpResponse<byte[]> answer : answers) {
                int status = answer.statusCode();
                assertTrue(status == 200 || status == 503, "200 or 503, not " + status + ": " + new String(answer.body()));
                if (status == 503) {
                    assertTrue(answer.headers().firstValue("Retry-After").isPresent(), "503 says when to ask again");
                    continue;
                }
                served++;
                BufferedImage returned = ImageIO.read(new ByteArrayInputStream(answer.body()));
                assertTrue(returned.getWidth() <= maxWidth && (long) returned.getWidth() * returned.getHeight() <= maxArea,
                        "max is the largest the server returns: " + returned.getWidth() + "x" + returned.getHeight());
            }
            assertTrue(served > 0, "some of the views were served");

            HttpResponse<byte[]> tooLarge = get(client, base + page + "full/" + SIDE + ",/0/default.png");
            assertEquals(400, tooLarge.statusCode());
            assertTrue(new String(tooLarge.body()).contains(String.valueOf(maxArea)), new String(tooLarge.body()));
            HttpResponse<byte[]> small = get(client, base + page + "full/500,/0/default.jpg");
            assertEquals(200, small.statusCode());
            assertEquals(500, ImageIO.read(new ByteArrayInputStream(small.body())).getWidth());
            assertTrue(server.isAlive());
            assertFalse(server.log().contains("OutOfMemoryError"), server.log());
        }
    }

    private static List<HttpResponse<byte[]>> all(HttpClient client, String url) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE);
        try {
            List<Callable<HttpResponse<byte[]>>> views = new ArrayList<>();
            for (int i = 0; i < AT_ONCE; i++) {
                views.add(() -> get(client, url));
            }
            List<HttpResponse<byte[]>> answers = new ArrayList<>();
            for (Future<HttpResponse<byte[]>> answer : clients.invokeAll(views)) {
                answers.add(answer.get());
            }
            return answers;
        } finally {
            clients.shutdown();
        }
    }

    private static HttpResponse<byte[]> get(HttpClient client, String url) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }
}
