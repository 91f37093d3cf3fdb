package io.poka.notifications.internal;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Posts a notice as JSON to a subscription's URL, signed with its secret ({@link WebhookSignature}); any 2xx answer is
 * a delivery, anything else (another status, a refused connection, a timeout) a failed attempt.
 */
@ApplicationScoped
class WebhookChannel {
    private final HttpClient http;
    private final NotificationsConfig config;
    private final Clock clock;

    WebhookChannel(NotificationsConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Outcome send(DueDelivery due) {
        byte[] body = due.payload().getBytes(StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(due.delivery().recipient()))
                .timeout(config.webhookTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Poka-Webhook/1")
                .header(WebhookSignature.DELIVERY_HEADER, due.delivery().id().toString())
                .header(WebhookSignature.HEADER, WebhookSignature.header(due.secret(), now, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                return Outcome.SENT;
            }
            String answer = response.body() == null ? "" : response.body().strip();
            return Outcome.failed("HTTP " + response.statusCode()
                    + (answer.isEmpty() ? "" : ": " + (answer.length() > 200 ? answer.substring(0, 200) : answer)));
        } catch (IOException e) {
            return Outcome.failed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted while sending");
        }
    }
}
