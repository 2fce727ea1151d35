package com.estateguard.demo.internal;

import com.estateguard.demo.DemoBase;
import com.estateguard.demo.DemoExtension;
import com.estateguard.org.OrgDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;

/** Loads the demo data on the first start (empty database) and prints where to log in. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "estateguard.demo.enabled", havingValue = "true")
class DemoSetup {

    private static final Logger log = LoggerFactory.getLogger(DemoSetup.class);

    @Bean
    DemoData demoData(com.estateguard.org.OrgDirectory org, com.estateguard.identity.Users users,
                      com.estateguard.policy.Policies policies, com.estateguard.healthdata.HealthRegisters registers,
                      com.estateguard.identity.DeviceKeys keys, java.time.Clock clock, java.time.ZoneId zone) {
        return new DemoData(org, users, policies, registers, keys, clock, zone);
    }

    @EventListener(ApplicationReadyEvent.class)
    void loadAndAnnounce(ApplicationReadyEvent event) {
        var context = event.getApplicationContext();
        OrgDirectory org = context.getBean(OrgDirectory.class);
        if (org.countEstates() == 0) {
            DemoBase base = context.getBean(DemoData.class).load();
            context.getBeanProvider(DemoExtension.class).orderedStream().forEach(extension -> extension.load(base));
        }
        Environment env = context.getEnvironment();
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ==========================================================================
                 EstateGuard is running:  http://localhost:{}/
                 Gate page (phone):       http://localhost:{}/gate
                 API docs:                http://localhost:{}/swagger-ui
                 Demo logins (password {}):
                   guard        checkpoint guard, 阳光花园 south gate
                   admin        prevention administrator, 阳光花园
                   manager      project manager, 阳光花园
                   street       street authority, 长桥街道
                   district     district authority, 江南区
                   city         city housing authority (policies)
                   association  property association
                   companyhead  property company head
                 Demo terminal API key:   {}
                ==========================================================================
                """, port, port, port, DemoData.PASSWORD, DemoData.DEVICE_KEY);
    }
}
