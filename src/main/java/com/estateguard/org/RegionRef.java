package com.estateguard.org;

public record RegionRef(long id, Long parentId, RegionLevel level, String name, String path) {
}
