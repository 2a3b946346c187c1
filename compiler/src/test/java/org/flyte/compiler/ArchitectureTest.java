package org.flyte.compiler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The compiler is plain Java over the flyteidl messages: no Spring, nothing else either, but Gson
 * (protobuf-java-util's own JSON library) for the custom resource's JSON.
 */
@AnalyzeClasses(
    packages = "org.flyte.compiler",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule noSpring =
      noClasses().should().dependOnClassesThat().resideInAPackage("org.springframework..");

  @ArchTest
  static final ArchRule onlyFlyteidlProtobufAndTheJdk =
      classes()
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "org.flyte.compiler..",
              "flyteidl..",
              "com.google.protobuf..",
              "com.google.gson..",
              "java..");

  @ArchTest
  static final ArchRule noBannedNames =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Impl")
          .orShould()
          .haveSimpleNameEndingWith("Manager")
          .orShould()
          .haveSimpleNameEndingWith("Helper");

  @ArchTest
  static final ArchRule validatorsDoNotReachBackIntoTheEntryPoints =
      noClasses()
          .that()
          .resideInAnyPackage(
              "org.flyte.compiler.validators..",
              "org.flyte.compiler.graph..",
              "org.flyte.compiler.typing..",
              "org.flyte.compiler.errors..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("org.flyte.compiler");
}
