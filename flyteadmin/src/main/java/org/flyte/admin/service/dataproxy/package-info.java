/**
 * Signed upload and download URLs (Flyte's {@code dataproxy/service.go}), signed by the blob store
 * or, for stores that cannot sign, by {@link org.flyte.admin.service.dataproxy.LocalUrlSigner} and
 * served by FlyteAdmin itself ({@link org.flyte.admin.service.dataproxy.SignedObjectService}:
 * streamed to and from the store with bounded memory; docs/adr/0012-local-signed-urls.md).
 */
package org.flyte.admin.service.dataproxy;
