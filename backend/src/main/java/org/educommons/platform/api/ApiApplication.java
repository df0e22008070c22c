package org.educommons.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/** The REST API, version 1. Described at {@code /openapi}. */
@ApplicationPath("api/v1")
@OpenAPIDefinition(info = @Info(title = "EduCommons API", version = "1",
        description = "Education communities (教育共同体): members, plans, forums, activities. "
                + "Errors are RFC 9457 problem details in the caller's language (Accept-Language: zh-CN, en)."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "Token from POST /api/v1/auth/token")
public class ApiApplication extends Application {
}
