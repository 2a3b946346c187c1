package org.flyte.scheduler;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class FlyteSchedulerApplication {

  public static void main(String[] args) {
    SpringApplication.run(FlyteSchedulerApplication.class, args);
  }
}
