package com.estateguard.healthdata;

import com.estateguard.common.IdNumber;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A person is found across registers and check records by a keyed hash of their ID number, so
 * the registers never hold the number itself and a leaked table cannot be reversed by guessing.
 */
@Component
public class PersonKeys {

    private final SecretKeySpec key;
    // A Mac per thread, initialised once: looking one up and initialising it for every number cost more
    // than the hash itself in a register import. doFinal leaves it ready for the next number.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    PersonKeys(@Value("${estateguard.person-key-secret}") String secret) {
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    public String keyOf(String idNumber) {
        return HexFormat.of().formatHex(macs.get().doFinal(IdNumber.normalise(idNumber).getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
