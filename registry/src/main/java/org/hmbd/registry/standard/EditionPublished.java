package org.hmbd.registry.standard;

/** Published after an edition was published (by the workflow or as shipped content), once committed. */
public record EditionPublished(long editionId) {
}
