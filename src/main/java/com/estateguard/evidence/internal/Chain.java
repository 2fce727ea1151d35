package com.estateguard.evidence.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The link rule of the chain (链): link(n) = sha256(link(n-1) || content_hash(n)), link(0) empty. */
final class Chain {

    static final byte[] GENESIS = new byte[0];

    private Chain() {
    }

    static byte[] link(byte[] previous, byte[] contentHash) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previous);
            sha256.update(contentHash);
            return sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hex(byte[] bytes) {
        return bytes == null ? null : HexFormat.of().formatHex(bytes);
    }
}
