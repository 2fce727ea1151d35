package com.estateguard.org;

public record CompanyRef(long id, Long parentId, String name, String kind, String path) {
}
