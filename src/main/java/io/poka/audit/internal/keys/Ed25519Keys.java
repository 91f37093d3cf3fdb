package io.poka.audit.internal.keys;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * Ed25519 keys in the PEM forms OpenSSL reads and writes (PKCS#8 "PRIVATE KEY", X.509 "PUBLIC KEY"), with the JDK's
 * own provider only.
 */
public final class Ed25519Keys {
    public static final String ALGORITHM = "Ed25519";

    private Ed25519Keys() {
    }

    public static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JDK lacks Ed25519 (Java 15+ has it)", e);
        }
    }

    /**
     * The key pair of a PKCS#8 private key. The JDK has no call that derives an Ed25519 public key, so the key pair
     * generator is fed the private key's 32 bytes as its "random" seed (RFC 8032 5.1.5: the private key is that seed)
     * and the result is checked to hold the same private key.
     */
    public static KeyPair fromPrivatePem(String pem) {
        try {
            PrivateKey key = KeyFactory.getInstance(ALGORITHM)
                    .generatePrivate(new PKCS8EncodedKeySpec(decode(pem, "PRIVATE KEY")));
            byte[] seed = ((EdECPrivateKey) key).getBytes().orElseThrow();
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new FixedSeed(seed));
            KeyPair pair = generator.generateKeyPair();
            byte[] derived = ((EdECPrivateKey) pair.getPrivate()).getBytes().orElseThrow();
            if (!Arrays.equals(seed, derived)) {
                throw new IllegalStateException("Could not derive the Ed25519 public key from the private key");
            }
            return new KeyPair(pair.getPublic(), key);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalArgumentException("Not a PKCS#8 PEM Ed25519 private key", e);
        }
    }

    public static PublicKey publicFromPem(String pem) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(decode(pem, "PUBLIC KEY")));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("Not an X.509 PEM Ed25519 public key", e);
        }
    }

    public static String privatePem(PrivateKey key) {
        return encode(key.getEncoded(), "PRIVATE KEY");
    }

    public static String publicPem(PublicKey key) {
        return encode(key.getEncoded(), "PUBLIC KEY");
    }

    /** True when {@code signature} is the Ed25519 signature of {@code message} by the key; false for any malformed input. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            java.security.Signature s = java.security.Signature.getInstance(ALGORITHM);
            s.initVerify(key);
            s.update(message);
            return s.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            java.security.Signature s = java.security.Signature.getInstance(ALGORITHM);
            s.initSign(key);
            s.update(message);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    private static String encode(byte[] der, String label) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private static byte[] decode(String pem, String label) {
        String begin = "-----BEGIN " + label + "-----";
        String end = "-----END " + label + "-----";
        int start = pem.indexOf(begin);
        int stop = pem.indexOf(end);
        if (start < 0 || stop < start) {
            throw new IllegalArgumentException("PEM block '" + label + "' not found");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), stop));
    }

    /** Hands out the given bytes once, as the seed of a deterministic key pair generation. */
    private static final class FixedSeed extends SecureRandom {
        private final byte[] seed;

        FixedSeed(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (bytes.length != seed.length) {
                throw new IllegalStateException("Unexpected seed length " + bytes.length);
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
        }
    }
}
