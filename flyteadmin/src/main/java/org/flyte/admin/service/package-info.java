/**
 * FlyteAdmin's domain logic (Go's "managers"): validation and behaviour of each RPC group, free of
 * transport concerns. Services throw {@code FlyteException}; the gRPC edge maps it.
 */
package org.flyte.admin.service;
