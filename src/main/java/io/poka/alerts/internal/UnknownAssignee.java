package io.poka.alerts.internal;

import io.poka.platform.ProblemException;

/** An incident assigned to a name that is no enabled user (422): the work would go to nobody. */
class UnknownAssignee extends ProblemException {
    static final String TYPE = "alerts/unknown-assignee";

    UnknownAssignee(String assignee) {
        super(422, TYPE, "Unknown assignee", "'" + assignee + "' is not an enabled user; assign the incident to one");
        with("assignee", assignee);
    }
}
