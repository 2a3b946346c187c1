package org.flyte.common.rest;

import static org.assertj.core.api.Assertions.assertThat;

import flyteidl.service.AdminServiceGrpc;
import org.junit.jupiter.api.Test;
import org.springframework.core.Ordered;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.HttpRequestHandlerAdapter;

class RestGatewayHandlerMappingTest {

  @Test
  void claimsEveryRequestWithLowPrecedenceAndServesItThroughTheAdapter() throws Exception {
    try (GatewayHarness harness =
        GatewayHarness.of(new AdminServiceGrpc.AdminServiceImplBase() {})) {
      RestGatewayHandler handler = new RestGatewayHandler(harness.gateway());
      RestGatewayHandlerMapping mapping = new RestGatewayHandlerMapping(handler);

      assertThat(mapping.getOrder())
          .isEqualTo(RestGatewayHandlerMapping.DEFAULT_ORDER)
          .isGreaterThan(0)
          .isLessThan(Ordered.LOWEST_PRECEDENCE - 1);

      MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ctx/api/v1/nothing");
      request.setContextPath("/ctx");
      HandlerExecutionChain chain = mapping.getHandler(request);
      assertThat(chain).isNotNull();
      assertThat(chain.getHandler()).isSameAs(handler);

      HttpRequestHandlerAdapter adapter = new HttpRequestHandlerAdapter();
      assertThat(adapter.supports(chain.getHandler())).isTrue();
      MockHttpServletResponse response = new MockHttpServletResponse();
      adapter.handle(request, response, chain.getHandler());
      assertThat(response.getStatus()).isEqualTo(404);
      assertThat(GatewayHarness.status(response).getMessage()).isEqualTo("Not Found");

      MockHttpServletRequest version = new MockHttpServletRequest("GET", "/ctx/api/v1/version");
      version.setContextPath("/ctx");
      MockHttpServletResponse unimplemented = new MockHttpServletResponse();
      adapter.handle(version, unimplemented, mapping.getHandler(version).getHandler());
      assertThat(unimplemented.getStatus()).isEqualTo(501);
      assertThat(unimplemented.getContentLength())
          .isEqualTo(unimplemented.getContentAsByteArray().length);
    }
  }
}
