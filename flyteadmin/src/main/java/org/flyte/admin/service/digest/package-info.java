/**
 * Flyte's digests of registered entities (objecthash over the protobuf JSON) and the readable
 * differences of a conflicting registration.
 */
package org.flyte.admin.service.digest;
