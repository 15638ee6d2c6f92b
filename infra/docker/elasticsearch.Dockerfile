# The official Elasticsearch image plus the project's analysis plugin (infra/es-analysis), so the compose stack
# indexes exactly as the native one does.
ARG ES_VERSION
FROM eclipse-temurin:21-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl infra/es-analysis -am package \
 && cp infra/es-analysis/target/wrd-analysis-*.zip /wrd-analysis.zip

FROM docker.elastic.co/elasticsearch/elasticsearch:${ES_VERSION}
COPY --from=build /wrd-analysis.zip /tmp/wrd-analysis.zip
RUN bin/elasticsearch-plugin install --batch file:///tmp/wrd-analysis.zip && rm /tmp/wrd-analysis.zip
