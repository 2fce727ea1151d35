package com.estateguard.supervision.internal;

import org.springframework.data.repository.CrudRepository;

/** Loads and saves a template header for its transitions; sections, items and lists are SQL in {@link Templates}. */
interface TemplateRepository extends CrudRepository<Template, Long> {
}
