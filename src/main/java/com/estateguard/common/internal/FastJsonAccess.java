package com.estateguard.common.internal;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.module.blackbird.BlackbirdModule;

/**
 * Jackson reads and writes records and beans through lambdas generated once per property and creator (Blackbird), not
 * through method handles invoked with an argument array on every call: the JSON of every API request, the gate's
 * check among them (issue 12 section 4).
 */
@Component
class FastJsonAccess implements JsonMapperBuilderCustomizer {

    @Override
    public void customize(JsonMapper.Builder builder) {
        builder.addModule(new BlackbirdModule());
    }
}
