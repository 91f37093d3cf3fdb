package io.poka.notifications.internal;

import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Creates, replaces and deletes subscriptions, each change audited with the subscription as shown (never its secret).
 * Deleting one cancels its pending deliveries; its sent ones stay, with the subscription, for the record.
 */
@ApplicationScoped
class SubscriptionService {
    static final String ENTITY = "NotificationSubscription";
    private static final Set<String> CHANNELS = Set.of("EMAIL", "WEBHOOK");
    private static final Set<String> CHANGES = Set.of("OPENED", "ACKNOWLEDGED", "ASSIGNED", "RESOLVED", "FALSE_ALARM");
    /** A pragmatic address check (one @, no spaces, a dotted or local domain); the SMTP server has the last word. */
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>,;\"]+@[^\\s@<>,;\"]+");
    private static final Duration LONGEST_ESCALATION = Duration.ofDays(7);

    /** One page of subscriptions; {@code page} counts from 0. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "NotificationSubscriptionPage")
    record Page(List<SubscriptionView> items, int page, int size, long total) {
    }

    private final SubscriptionStore store;
    private final DeliveryStore deliveries;
    private final Event<RecordChanged> changes;
    private final Clock clock;

    SubscriptionService(SubscriptionStore store, DeliveryStore deliveries, Event<RecordChanged> changes, Clock clock) {
        this.store = store;
        this.deliveries = deliveries;
        this.changes = changes;
        this.clock = clock;
    }

    @Transactional
    SubscriptionView create(SubscriptionRequest body, String user) {
        validate(body, true);
        Instant now = clock.instant();
        boolean webhook = "WEBHOOK".equals(body.channel());
        SubscriptionView view = view(UUID.randomUUID(), body, webhook, webhook ? now : null, now, user, now, user);
        store.insert(new StoredSubscription(view, webhook ? body.secret() : null));
        changes.fire(new RecordChanged(ENTITY, view.id().toString(), "CREATED", null, view, null));
        return view;
    }

    @Transactional
    SubscriptionView replace(UUID id, SubscriptionRequest body, String user) {
        StoredSubscription current = store.find(id, true).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
        boolean webhook = "WEBHOOK".equals(body == null ? null : body.channel());
        boolean keepSecret = webhook && body.secret() == null && current.secret() != null;
        validate(body, !keepSecret);
        Instant now = clock.instant();
        SubscriptionView before = current.view();
        Instant secretAt = !webhook ? null : keepSecret ? before.secretUpdatedAt() : now;
        SubscriptionView after = view(id, body, webhook, secretAt, before.createdAt(), before.createdBy(), now, user);
        store.update(new StoredSubscription(after, !webhook ? null : keepSecret ? current.secret() : body.secret()));
        changes.fire(new RecordChanged(ENTITY, id.toString(), "UPDATED", before, after,
                webhook && !keepSecret ? "webhook secret set" : null));
        return after;
    }

    @Transactional
    void delete(UUID id, String user) {
        StoredSubscription current = store.find(id, true).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
        Instant now = clock.instant();
        for (DeliveryView pending : deliveries.pendingOf(id)) {
            deliveries.markEnded(pending.id(), "CANCELLED", "subscription deleted");
            changes.fire(new RecordChanged(DeliveryWorker.ENTITY, pending.id().toString(), "CANCELLED", pending,
                    deliveries.find(pending.id(), false).orElseThrow(), "subscription deleted"));
        }
        store.delete(id, now, user);
        changes.fire(new RecordChanged(ENTITY, id.toString(), "DELETED", current.view(), null, null));
    }

    @Transactional
    SubscriptionView get(UUID id) {
        return store.find(id, false).map(StoredSubscription::view).orElseThrow(() -> new NotFoundProblem(ENTITY, id));
    }

    @Transactional
    Page list(String line, int page, int size) {
        return new Page(store.list(line, page * size, size), page, size, store.count(line));
    }

    private static SubscriptionView view(UUID id, SubscriptionRequest b, boolean webhook, Instant secretAt,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
        List<String> kinds = b.changes() == null || b.changes().isEmpty() ? List.of(IncidentNotifier.OPENED)
                : List.copyOf(new LinkedHashSet<>(b.changes()));
        return new SubscriptionView(id, b.name().strip(), blankToNull(b.line()), b.minSeverity(), b.channel(),
                b.target().strip(), kinds, blankToNull(b.escalationTarget()), b.escalateAfter(), webhook, secretAt,
                createdAt, createdBy, updatedAt, updatedBy);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Every problem of the body at once; {@code secretRequired} on create and when a webhook gets a new secret. */
    private static void validate(SubscriptionRequest b, boolean secretRequired) {
        if (b == null) {
            throw new ValidationProblem("body", "is required");
        }
        List<ValidationProblem.FieldError> errors = new ArrayList<>();
        if (b.name() == null || b.name().isBlank() || b.name().length() > 200) {
            errors.add(new ValidationProblem.FieldError("name", "is required (at most 200 characters)"));
        }
        if (b.line() != null && b.line().length() > 100) {
            errors.add(new ValidationProblem.FieldError("line", "at most 100 characters"));
        }
        if (b.minSeverity() == null || !Severities.ORDER.contains(b.minSeverity())) {
            errors.add(new ValidationProblem.FieldError("minSeverity", "must be one of HIGH, MEDIUM, LOW"));
        }
        boolean channelOk = b.channel() != null && CHANNELS.contains(b.channel());
        if (!channelOk) {
            errors.add(new ValidationProblem.FieldError("channel", "must be one of EMAIL, WEBHOOK"));
        }
        if (channelOk) {
            target(errors, "target", b.channel(), b.target(), true);
            target(errors, "escalationTarget", b.channel(), b.escalationTarget(), false);
            secret(errors, b, secretRequired);
        }
        if (b.changes() != null && !b.changes().isEmpty()) {
            if (!CHANGES.containsAll(b.changes())) {
                errors.add(new ValidationProblem.FieldError("changes",
                        "each must be one of OPENED, ACKNOWLEDGED, ASSIGNED, RESOLVED, FALSE_ALARM"));
            } else if (!b.changes().contains(IncidentNotifier.OPENED)) {
                errors.add(new ValidationProblem.FieldError("changes", "must include OPENED: follow-ups go only to "
                        + "recipients told of the incident"));
            }
        }
        if (b.escalateAfter() != null) {
            if (b.escalateAfter().isNegative() || b.escalateAfter().isZero()
                    || b.escalateAfter().compareTo(LONGEST_ESCALATION) > 0) {
                errors.add(new ValidationProblem.FieldError("escalateAfter", "must be positive and at most P7D"));
            } else if (blankToNull(b.escalationTarget()) == null) {
                errors.add(new ValidationProblem.FieldError("escalateAfter", "needs an escalationTarget"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem("invalid notification subscription", errors);
        }
    }

    private static void target(List<ValidationProblem.FieldError> errors, String field, String channel, String value,
            boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new ValidationProblem.FieldError(field, "is required"));
            }
            return;
        }
        String v = value.strip();
        if ("EMAIL".equals(channel)) {
            if (v.length() > 254 || !EMAIL.matcher(v).matches()) {
                errors.add(new ValidationProblem.FieldError(field, "must be an e-mail address"));
            }
        } else if (v.length() > 2000 || !httpUrl(v)) {
            errors.add(new ValidationProblem.FieldError(field, "must be an absolute http or https URL"));
        }
    }

    private static boolean httpUrl(String v) {
        try {
            URI uri = new URI(v);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static void secret(List<ValidationProblem.FieldError> errors, SubscriptionRequest b, boolean required) {
        if ("EMAIL".equals(b.channel())) {
            if (b.secret() != null) {
                errors.add(new ValidationProblem.FieldError("secret", "only webhooks have a secret"));
            }
        } else if (b.secret() == null ? required : b.secret().length() < 16 || b.secret().length() > 256) {
            errors.add(new ValidationProblem.FieldError("secret", "is required for a webhook: 16 to 256 characters"));
        }
    }
}
