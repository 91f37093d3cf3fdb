package io.poka.audit.internal.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class Ed25519KeysTest {
    // RFC 8032 section 7.1, TEST 1: secret key, public key and the signature of the empty message
    private static final String SECRET = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    private static final String PUBLIC = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";
    private static final String SIGNATURE = "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
            + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b";
    // RFC 8410 section 7: PKCS#8 prefix of an Ed25519 private key, and SubjectPublicKeyInfo prefix of a public key
    private static final String PKCS8_PREFIX = "302e020100300506032b657004220420";
    private static final String SPKI_PREFIX = "302a300506032b6570032100";

    @Test
    void derivesThePublicKeyOfAPkcs8PemAndSignsAsRfc8032() {
        HexFormat hex = HexFormat.of();
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getEncoder().encodeToString(hex.parseHex(PKCS8_PREFIX + SECRET)) + "\n-----END PRIVATE KEY-----\n";
        KeyPair keys = Ed25519Keys.fromPrivatePem(pem);
        assertEquals(SPKI_PREFIX + PUBLIC, hex.formatHex(keys.getPublic().getEncoded()));
        assertArrayEquals(hex.parseHex(SIGNATURE), Ed25519Keys.sign(keys.getPrivate(), new byte[0]));
    }

    @Test
    void pemRoundTripsAndSignaturesVerifyWithThePublicPem() throws Exception {
        KeyPair keys = Ed25519Keys.generate();
        String publicPem = Ed25519Keys.publicPem(keys.getPublic());
        assertTrue(publicPem.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        KeyPair reread = Ed25519Keys.fromPrivatePem(Ed25519Keys.privatePem(keys.getPrivate()));
        assertArrayEquals(keys.getPublic().getEncoded(), reread.getPublic().getEncoded());
        byte[] message = "manifest".getBytes(StandardCharsets.UTF_8);
        java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
        verifier.initVerify(Ed25519Keys.publicFromPem(publicPem));
        verifier.update(message);
        assertTrue(verifier.verify(Ed25519Keys.sign(reread.getPrivate(), message)));
    }
}
