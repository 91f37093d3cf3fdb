package io.poka.ncr.internal;

import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrSeverity;
import io.poka.platform.NotFoundProblem;
import io.poka.platform.RecordChanged;
import io.poka.platform.ValidationProblem;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Maintains the hierarchical defect catalogue: new codes, renames, moves under another parent, deactivation. */
@ApplicationScoped
public class DefectCodeService {
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,39}");

    /** A new code or the new content of one; {@code code} is ignored on update (the path names it). */
    @Schema(name = "DefectCodeInput")
    public record Input(@Schema(example = "DIM-BURR") String code, @Schema(example = "DIM") String parentCode,
            @Schema(example = "Burr") String name, String description, NcrSeverity defaultSeverity, Boolean active) {
    }

    private final NcrStore store;
    private final Event<RecordChanged> changes;
    private final SecurityIdentity identity;
    private final Clock clock;

    DefectCodeService(NcrStore store, Event<RecordChanged> changes, SecurityIdentity identity, Clock clock) {
        this.store = store;
        this.changes = changes;
        this.identity = identity;
        this.clock = clock;
    }

    @Transactional
    public DefectCodeView create(Input in) {
        if (in.code() == null || !CODE.matcher(in.code()).matches()) {
            throw new ValidationProblem("code", "1 to 40 of A-Z, 0-9, '_', '.', '-', starting with a letter or digit");
        }
        if (DefectCode.findById(in.code()) != null) {
            throw new NcrProblems.CatalogueConflict("defect code " + in.code() + " exists");
        }
        DefectCode c = new DefectCode();
        c.code = in.code();
        c.createdAt = clock.instant();
        c.createdBy = identity.getPrincipal().getName();
        apply(c, in);
        c.persist();
        DefectCodeView after = store.catalogue().view(c);
        changes.fire(new RecordChanged("DefectCode", c.code, "CREATED", null, after, null));
        return after;
    }

    @Transactional
    public DefectCodeView update(String code, Input in) {
        DefectCode c = DefectCode.findById(code);
        if (c == null) {
            throw new NotFoundProblem("DefectCode", code);
        }
        DefectCatalogue catalogue = store.catalogue();
        DefectCodeView before = catalogue.view(c);
        if (catalogue.wouldCycle(code, in.parentCode())) {
            throw new NcrProblems.CatalogueConflict(in.parentCode() + " is " + code + " or below it; a code cannot"
                    + " move under itself");
        }
        apply(c, in);
        DefectCodeView after = store.catalogue().view(c);
        changes.fire(new RecordChanged("DefectCode", c.code, "UPDATED", before, after, null));
        return after;
    }

    private void apply(DefectCode c, Input in) {
        if (in.name() == null || in.name().isBlank() || in.name().length() > 200) {
            throw new ValidationProblem("name", "1 to 200 characters");
        }
        if (in.parentCode() != null && DefectCode.findById(in.parentCode()) == null) {
            throw new ValidationProblem("parentCode", "no defect code " + in.parentCode());
        }
        c.parentCode = in.parentCode();
        c.name = in.name().strip();
        c.description = in.description();
        c.defaultSeverity = in.defaultSeverity() == null ? NcrSeverity.MAJOR : in.defaultSeverity();
        c.active = in.active() == null || in.active();
        c.updatedAt = clock.instant();
    }
}
