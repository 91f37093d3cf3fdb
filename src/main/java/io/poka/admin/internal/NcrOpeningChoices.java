package io.poka.admin.internal;

import io.poka.ncr.DefectCodeView;
import io.poka.ncr.NcrApi;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.List;

/**
 * What the "Open NCR" form of the incident page offers (the active codes of the NCR defect catalogue), read by the
 * template itself so the incident page's own data stays exactly what the alerts module gives.
 */
@ApplicationScoped
@Named("ncrOpening")
public class NcrOpeningChoices {
    private final NcrApi ncrs;

    NcrOpeningChoices(NcrApi ncrs) {
        this.ncrs = ncrs;
    }

    /** The defect codes a new report may take, in catalogue order. */
    public List<DefectCodeView> getDefectCodes() {
        return ncrs.defectCodes().stream().filter(DefectCodeView::active).toList();
    }
}
