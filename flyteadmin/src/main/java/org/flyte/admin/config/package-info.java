/**
 * FlyteAdmin's wiring: configuration records of its Flyte sections and the beans built from them.
 */
package org.flyte.admin.config;
