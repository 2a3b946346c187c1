package org.flyte.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FlyteAdminApplication {

  public static void main(String[] args) {
    SpringApplication.run(FlyteAdminApplication.class, args);
  }
}
