package org.flyte.common.persistence;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.autoproxy.AbstractBeanFactoryAwareAdvisingPostProcessor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.stereotype.Repository;

/**
 * Translates database failures once, where they leave a repository: every bean annotated {@link
 * Repository} is advised so that a JDBC or Spring data-access exception thrown by any of its public
 * methods (the transaction's commit included) reaches the caller as the {@code FlyteException} of
 * {@link DatabaseErrors#translate}. Repositories therefore never wrap their calls by hand, and
 * services can react to ALREADY_EXISTS. Other exceptions pass unchanged.
 *
 * <p>The advice is placed before any other (outside the transaction), like Spring's own {@code
 * PersistenceExceptionTranslationPostProcessor}.
 */
public class RepositoryErrorTranslation extends AbstractBeanFactoryAwareAdvisingPostProcessor {

  public RepositoryErrorTranslation() {
    MethodInterceptor translate =
        invocation -> {
          try {
            return invocation.proceed();
          } catch (RuntimeException e) {
            if (DatabaseErrors.isDatabaseError(e)) {
              throw DatabaseErrors.translate(e);
            }
            throw e;
          }
        };
    this.advisor =
        new DefaultPointcutAdvisor(
            new AnnotationMatchingPointcut(Repository.class, true), translate);
    setBeforeExistingAdvisors(true);
  }
}
