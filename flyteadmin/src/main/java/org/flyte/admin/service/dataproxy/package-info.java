/**
 * DataProxyService's storage side: the objects behind the URLs FlyteAdmin signs and serves itself
 * when the blob store cannot sign (docs/adr/0012-local-signed-urls.md), streamed to and from the
 * store with bounded memory.
 */
package org.flyte.admin.service.dataproxy;
