package io.poka.platform.internal.security;

import io.poka.platform.ProblemException;

/**
 * Refusal of everything but a password change while the user's password is temporary: a password someone else
 * chose is not the user's own, so nothing may be done, and nothing signed, under it (21 CFR 11.10(d), 11.300).
 */
public class PasswordChangeRequired extends ProblemException {
    public PasswordChangeRequired(String username) {
        super(403, "password-change-required", "Password change required",
                "The password of '" + username + "' was set by an administrator (or generated) and is temporary: "
                        + "change it first with PUT /api/v1/me/password {currentPassword, newPassword}");
    }
}
