package com.estateguard.residents.internal;

import java.util.List;
import org.springframework.context.ApplicationContext;

/** For the city generator (bench only): ID numbers encrypted with the running application's key, as stored. */
public final class CityIdCiphers {

    private CityIdCiphers() {
    }

    public static List<String> encrypt(ApplicationContext ctx, List<String> idNumbers) {
        IdCipher cipher = ctx.getBean(IdCipher.class);
        return idNumbers.stream().map(cipher::encrypt).toList();
    }
}
