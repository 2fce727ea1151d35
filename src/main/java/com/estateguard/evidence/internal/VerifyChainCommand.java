package com.estateguard.evidence.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar estateguard.jar --estateguard.command=verify-chain}: verifies every chain, prints
 * the report as JSON and exits with 0 when intact, 3 when a link is broken.
 */
@Component
@ConditionalOnProperty(name = "estateguard.command", havingValue = "verify-chain")
class VerifyChainCommand implements ApplicationRunner {

    static final int BROKEN = 3;

    private final ChainVerifier verifier;
    private final JsonMapper json;
    private final ConfigurableApplicationContext context;

    VerifyChainCommand(ChainVerifier verifier, JsonMapper json, ConfigurableApplicationContext context) {
        this.verifier = verifier;
        this.json = json;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        ChainReport report = verifier.verify(ChainVerifier.Scope.EVERYTHING);
        System.out.println(json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
        System.out.println(report.intact() ? "完整 (intact)" : "BROKEN: first break " + report.firstBreak());
        int code = report.intact() ? 0 : BROKEN;
        System.exit(SpringApplication.exit(context, () -> code));
    }
}
