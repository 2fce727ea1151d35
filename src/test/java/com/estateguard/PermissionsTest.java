package com.estateguard;

import static org.assertj.core.api.Assertions.assertThat;

import com.estateguard.access.CheckpointPermission;
import com.estateguard.common.Permission;
import com.estateguard.common.PermissionCatalogue;
import com.estateguard.common.Role;
import com.estateguard.policy.PolicyPermission;
import com.estateguard.residents.ResidentPermission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/** Each module declares its own permissions; together they stay one consistent set of authorities. */
class PermissionsTest {

    @Test
    void everyModulesPermissionsHaveNamesNoOtherModuleUses() throws Exception {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(PermissionCatalogue.class));
        List<String> names = new java.util.ArrayList<>();
        for (var candidate : scanner.findCandidateComponents("com.estateguard")) {
            var type = Class.forName(candidate.getBeanClassName());
            var constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            ((PermissionCatalogue) constructor.newInstance()).permissions().stream().map(Permission::name).forEach(names::add);
        }
        assertThat(names).hasSizeGreaterThanOrEqualTo(31).doesNotHaveDuplicates()
                .contains("CHECK_RECORD", "POLICY_WRITE", "RESIDENT_ID_VIEW", "HYGIENE_RECORD", "REPORT_SUBMIT");
    }

    @Test
    void aGuardRecordsChecksButNeitherWritesPolicyNorSeesFullIdNumbers() {
        assertThat(CheckpointPermission.CHECK_RECORD.grantedTo(Role.GUARD)).isTrue();
        assertThat(PolicyPermission.POLICY_WRITE.grantedTo(Role.GUARD)).isFalse();
        assertThat(ResidentPermission.RESIDENT_ID_VIEW.grantedTo(Role.GUARD)).isFalse();
    }

    @Test
    void aStreetAuthorityReadsPoliciesButOnlyCityAndDistrictWriteThem() {
        assertThat(PolicyPermission.POLICY_READ.grantedTo(Role.STREET_AUTHORITY)).isTrue();
        assertThat(PolicyPermission.POLICY_WRITE.grantedTo()).containsExactlyInAnyOrder(Role.CITY_AUTHORITY, Role.DISTRICT_AUTHORITY);
    }

    @Test
    void aTerminalOnlyRecordsChecks() {
        assertThat(CheckpointPermission.CHECK_RECORD.grantedTo(Role.DEVICE)).isTrue();
        assertThat(CheckpointPermission.CHECK_READ.grantedTo(Role.DEVICE)).isFalse();
    }
}
