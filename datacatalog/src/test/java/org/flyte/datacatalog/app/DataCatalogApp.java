package org.flyte.datacatalog.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.UseMainMethod;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;

/**
 * The DataCatalog app booted by its main method, on random ports, with an {@link
 * org.flyte.testing.AdjustableClock}. Combined with {@link LocalStorage} or {@link S3Storage}:
 * every test class with the same pair shares one Spring context (one database, one store).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
    webEnvironment = WebEnvironment.RANDOM_PORT,
    useMainMethod = UseMainMethod.ALWAYS,
    properties = "flyte.application.grpcPort=0")
@Import(TestClockConfiguration.class)
public @interface DataCatalogApp {}
