package io.poka.platform;

import java.util.Optional;

/**
 * Makes a module's create safe to retry: the first successful answer to a request sent with an {@code Idempotency-Key}
 * is stored in the caller's transaction and replayed for a retry of the same body by the same client, so a client
 * that lost the answer (a tablet going offline) never records twice.
 */
public interface IdempotencyKeys {

    /** A stored first answer. */
    record Replay(int status, String body) {
    }

    /**
     * Serialises concurrent requests with this key (until the caller's transaction ends) and looks it up.
     *
     * @param scope the module, e.g. {@code inspections}; also the prefix of the problem type on a reused key
     * @param key the client's Idempotency-Key header, or null when none was sent (then nothing happens)
     * @param request the request body; a key is reused when a later body differs from the first one
     * @return the stored first answer, or empty when the key is new (or null)
     * @throws ValidationProblem when the key is blank or longer than 200 characters
     * @throws KeyReused (422) when the key was used with another body
     */
    Optional<Replay> replay(String scope, String key, Object request);

    /** Stores the first answer for this key (no-op when key is null); call it in the transaction of the change. */
    void remember(String scope, String key, Object request, int status, Object response);

    /** The same Idempotency-Key was sent with a different body; nothing was recorded. */
    class KeyReused extends ProblemException {
        public KeyReused(String scope, String key) {
            super(422, scope + "/idempotency-key-reused", "Idempotency key reused",
                    "Idempotency-Key '" + key + "' was already used with a different request body");
            with("idempotencyKey", key);
        }
    }
}
