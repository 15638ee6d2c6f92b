# One build recipe for the four services: docker compose passes MODULE (directory-service, matching-service,
# metrics-service or gateway). The build runs the Maven wrapper inside the image, so no local JDK is needed.
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
ARG MODULE
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl ${MODULE} -am package \
 && cp ${MODULE}/target/${MODULE}-*-exec.jar /app.jar

FROM eclipse-temurin:21-jre
# /var/lib/metrics: owned by the service user, so a named volume mounted there (metrics-service's state) is writable
RUN useradd --system --uid 10001 wrd && mkdir -p /var/lib/metrics && chown wrd /var/lib/metrics
USER wrd
COPY --from=build /app.jar /app/app.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+UseSerialGC"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
