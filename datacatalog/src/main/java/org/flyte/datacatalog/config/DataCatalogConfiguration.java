package org.flyte.datacatalog.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** DataCatalog's wiring: binds and validates its {@code flyte.datacatalog} section. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataCatalogProperties.class)
public class DataCatalogConfiguration {}
