package org.flyte.datacatalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class DataCatalogApplication {

  public static void main(String[] args) {
    SpringApplication.run(DataCatalogApplication.class, args);
  }
}
