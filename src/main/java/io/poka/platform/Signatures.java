package io.poka.platform;

/**
 * Takes an electronic signature: the signed-in user re-enters the password at the moment of signing
 * (21 CFR 11.200(a)(1)); a wrong password fails with a problem and counts toward the account lockout.
 */
public interface Signatures {
    /**
     * @param password the password the signer typed for this signature, checked again now
     * @throws SignatureRejected when the password is wrong or the account is locked or disabled
     */
    Signature sign(String password, Signature.Meaning meaning);

    /** The re-entered password did not verify; nothing was signed or changed. */
    class SignatureRejected extends ProblemException {
        public SignatureRejected(String username) {
            super(403, "signature/reauthentication-failed", "Signature rejected",
                    "The password re-entered by '" + username + "' for the electronic signature did not verify");
        }
    }
}
