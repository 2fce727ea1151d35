package com.estateguard.supervision;

/**
 * A photo taken as evidence for one item (or for the whole inspection when {@code itemId} is null),
 * already accepted by {@code common.Uploads}.
 */
public record InspectionPhoto(Long itemId, byte[] bytes, String mediaType) {
}
