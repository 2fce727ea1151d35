package com.estateguard.residents.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The key commands, run once at start and then the application stops (docs/key-rotation.md):
 * {@code --estateguard.command=reencrypt-ids} moves every stored ID number and the wrapped
 * pass-signing keys to the current ID key version; {@code --estateguard.command=rotate-pass-key}
 * generates a pass-signing key that signs from then on and retires the one in use. Any other
 * command is left to whichever component owns it.
 */
@Component
class KeyCommands implements ApplicationRunner {

    static final String PROPERTY = "estateguard.command";
    private static final Logger log = LoggerFactory.getLogger(KeyCommands.class);

    private final Environment environment;
    private final IdReencryption reencryption;
    private final PassKeys passKeys;
    private final ConfigurableApplicationContext context;

    KeyCommands(Environment environment, IdReencryption reencryption, PassKeys passKeys, ConfigurableApplicationContext context) {
        this.environment = environment;
        this.reencryption = reencryption;
        this.passKeys = passKeys;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        String command = environment.getProperty(PROPERTY, "");
        switch (command) {
            case "reencrypt-ids" -> {
                var moved = reencryption.toCurrentKey();
                log.info("reencrypt-ids: {} ID numbers and {} pass-signing keys now under key version {}",
                        moved.idNumbers(), moved.signingKeys(), environment.getProperty(IdCipher.CURRENT, "(highest)"));
            }
            case "rotate-pass-key" -> log.info("rotate-pass-key: key {} signs new passes; earlier keys verify until their passes expire",
                    passKeys.rotate("command"));
            default -> {
                return;
            }
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
