/**
 * Signed upload and download URLs (Flyte's {@code dataproxy/service.go}), signed by the blob store
 * or, for stores that cannot sign, by {@link org.flyte.admin.service.dataproxy.LocalUrlSigner}.
 */
package org.flyte.admin.service.dataproxy;
