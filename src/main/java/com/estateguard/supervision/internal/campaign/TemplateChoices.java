package com.estateguard.supervision.internal.campaign;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The templates a campaign may use: those in use (published). */
@Component
public class TemplateChoices {

    private final JdbcClient jdbc;

    TemplateChoices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Choice(long id, String name) {
    }

    public List<Choice> choices() {
        return jdbc.sql("SELECT id, name || ' v' || version AS name FROM sup_template WHERE status = 'IN_USE' ORDER BY name, version")
                .query(Choice.class).list();
    }
}
