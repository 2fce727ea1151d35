/**
 * Organisations: regions (city > district > street > community), companies, estates and their entrances. EstateScope is the one place where a data scope becomes SQL.
 */
@ApplicationModule(allowedDependencies = {"common"})
package com.estateguard.org;

import org.springframework.modulith.ApplicationModule;
