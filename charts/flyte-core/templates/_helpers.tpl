{{/* Names, labels and shared blocks of the chart. Each component is labelled
app.kubernetes.io/name=<component> and app.kubernetes.io/instance=<release>, as flyte-core
labels them, so selectors written for Flyte's pods keep matching. */}}

{{- define "flyte.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flyte.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "flyte.namespace" -}}
{{- default .Release.Namespace .Values.forceNamespace | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Selector labels of a component: include "flyte.selectorLabels" (list . "flyteadmin") */}}
{{- define "flyte.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}

{{- define "flyte.labels" -}}
{{- $root := index . 0 -}}
{{ include "flyte.selectorLabels" . }}
helm.sh/chart: {{ include "flyte.chart" $root }}
app.kubernetes.io/managed-by: {{ $root.Release.Service }}
{{- end -}}

{{/* Pod labels: the component's labels plus its podLabels value. */}}
{{- define "flyte.podLabels" -}}
{{ include "flyte.labels" (list (index . 0) (index . 1)) }}
{{- with index . 2 }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* The database password Secret (common.databaseSecret.name), mounted at /etc/db. */}}
{{- define "flyte.databaseSecret.volume" -}}
{{- with .Values.common.databaseSecret.name }}
- name: db-pass
  secret:
    secretName: {{ . }}
{{- end }}
{{- end -}}

{{- define "flyte.databaseSecret.volumeMount" -}}
{{- with .Values.common.databaseSecret.name }}
- name: db-pass
  mountPath: /etc/db
  readOnly: true
{{- end }}
{{- end -}}

{{/* The container security context of every container: no privilege escalation, no
capabilities, a read-only root file system (the JVM writes to the /tmp volume only). */}}
{{- define "flyte.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
capabilities:
  drop: ["ALL"]
{{- end -}}

{{/* A list of environment variables given as a list (flyte-core's env), a map of name to value,
or nothing ({} is flyte-core's default for podEnv). */}}
{{- define "flyte.envList" -}}
{{- $env := index . 0 -}}
{{- $root := index . 1 -}}
{{- if kindIs "slice" $env }}
{{- range $env }}
- {{ tpl (toYaml .) $root | nindent 2 | trim }}
{{- end }}
{{- else if kindIs "map" $env }}
{{- range $name, $value := $env }}
- name: {{ $name }}
  value: {{ tpl (toString $value) $root | quote }}
{{- end }}
{{- end }}
{{- end -}}

{{/* JVM settings of our apps (docs/adr/0033-memory-footprint.md): the heap follows the container's
memory limit; glibc keeps two malloc arenas. */}}
{{- define "flyte.javaEnv" -}}
- name: JAVA_TOOL_OPTIONS
  value: {{ .Values.common.javaToolOptions | default "-XX:+UseSerialGC -XX:MaxRAMPercentage=25 -XX:TrimNativeHeapInterval=5000 -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m -XX:+ExitOnOutOfMemoryError" | quote }}
- name: MALLOC_ARENA_MAX
  value: "2"
{{- end -}}

{{/* Flyte's storage section, from the storage values (flyte-core's storage types). */}}
{{- define "flyte.storage.base" -}}
storage:
{{- if eq .Values.storage.type "s3" }}
  type: s3
  container: {{ .Values.storage.bucketName | quote }}
  connection:
    auth-type: {{ .Values.storage.s3.authType }}
    region: {{ .Values.storage.s3.region }}
    {{- with .Values.storage.s3.endpoint }}
    endpoint: {{ . }}
    {{- end }}
    {{- if eq .Values.storage.s3.authType "accesskey" }}
    access-key: {{ .Values.storage.s3.accessKey }}
    secret-key: {{ .Values.storage.s3.secretKey }}
    {{- end }}
{{- else if eq .Values.storage.type "gcs" }}
  type: stow
  stow:
    kind: google
    config:
      json: ""
      project_id: {{ required "storage.gcs.projectId is required for storage.type gcs" .Values.storage.gcs.projectId }}
      scopes: https://www.googleapis.com/auth/cloud-platform
  container: {{ .Values.storage.bucketName | quote }}
{{- else if eq .Values.storage.type "sandbox" }}
  type: minio
  container: {{ .Values.storage.bucketName | quote }}
  stow:
    kind: s3
    config:
      access_key_id: minio
      auth_type: accesskey
      secret_key: miniostorage
      disable_ssl: true
      endpoint: http://minio.{{ include "flyte.namespace" . }}.svc.cluster.local:9000
      region: us-east-1
  signedUrl:
    stowConfigOverride:
      endpoint: http://minio.{{ include "flyte.namespace" . }}.svc.cluster.local:9000
{{- else if eq .Values.storage.type "custom" }}
{{- with .Values.storage.custom }}
  {{- tpl (toYaml .) $ | nindent 2 }}
{{- end }}
{{- else }}
{{- fail (printf "storage.type must be sandbox, s3, gcs or custom; found %q" .Values.storage.type) }}
{{- end }}
{{- end -}}

{{- define "flyte.storage" -}}
{{ include "flyte.storage.base" . }}
  enable-multicontainer: {{ .Values.storage.enableMultiContainer }}
  limits:
    maxDownloadMBs: {{ .Values.storage.limits.maxDownloadMBs }}
  cache:
    max_size_mbs: {{ .Values.storage.cache.maxSizeMBs }}
    target_gc_percent: {{ .Values.storage.cache.targetGCPercent }}
{{- end -}}

{{/* A config file of a ConfigMap: the section's values through tpl (as flyte-core renders
them, so that {{ .Values.userSettings.x }} placeholders work). */}}
{{- define "flyte.configFile" -}}
{{- $name := index . 0 -}}
{{- $content := index . 1 -}}
{{- $root := index . 2 -}}
{{ $name }}: |{{ tpl (toYaml $content) $root | nindent 2 }}
{{- end -}}

{{/* A ServiceMonitor scraping /actuator/prometheus on the Service port http-metrics. */}}
{{- define "flyte.serviceMonitor" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $monitor := index . 2 -}}
{{- $path := index . 3 -}}
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata:
  name: {{ $name }}
  namespace: {{ include "flyte.namespace" $root }}
  labels:
    {{- include "flyte.labels" (list $root $name) | nindent 4 }}
    {{- with $monitor.labels }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
spec:
  endpoints:
    - port: http-metrics
      path: {{ $path }}
      interval: {{ $monitor.interval }}
      scrapeTimeout: {{ $monitor.scrapeTimeout }}
  namespaceSelector:
    matchNames:
      - {{ include "flyte.namespace" $root }}
  selector:
    matchLabels:
      {{- include "flyte.selectorLabels" (list $root $name) | nindent 6 }}
{{- end -}}

{{/* A HorizontalPodAutoscaler from an autoscaling value. */}}
{{- define "flyte.hpa" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $autoscaling := index . 2 -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ $name }}
  namespace: {{ include "flyte.namespace" $root }}
  labels:
    {{- include "flyte.labels" (list $root $name) | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ $name }}
  minReplicas: {{ $autoscaling.minReplicas }}
  maxReplicas: {{ $autoscaling.maxReplicas }}
  {{- with $autoscaling.metrics }}
  metrics:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{/* A PodDisruptionBudget from a podDisruptionBudget value (ours; flyte-core has none). */}}
{{- define "flyte.pdb" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $pdb := index . 2 -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ $name }}
  namespace: {{ include "flyte.namespace" $root }}
  labels:
    {{- include "flyte.labels" (list $root $name) | nindent 4 }}
spec:
  {{- if hasKey $pdb "maxUnavailable" }}
  maxUnavailable: {{ $pdb.maxUnavailable }}
  {{- else }}
  minAvailable: {{ $pdb.minAvailable | default 1 }}
  {{- end }}
  selector:
    matchLabels:
      {{- include "flyte.selectorLabels" (list $root $name) | nindent 6 }}
{{- end -}}

{{/* ServiceAccount: include "flyte.serviceAccount" (list . "flyteadmin" .Values.flyteadmin.serviceAccount) */}}
{{- define "flyte.serviceAccount" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $sa := index . 2 -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ $name }}
  namespace: {{ include "flyte.namespace" $root }}
  labels:
    {{- include "flyte.labels" (list $root $name) | nindent 4 }}
  {{- with $sa.annotations }}
  annotations:
    {{- tpl (toYaml .) $root | nindent 4 }}
  {{- end }}
{{- with $sa.imagePullSecrets }}
imagePullSecrets:
  {{- tpl (toYaml .) $root | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Role or ClusterRole plus its binding: include "flyte.rbac" (list . "flyteadmin" scope rules) */}}
{{- define "flyte.rbac" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $scope := index . 2 -}}
{{- $rules := index . 3 -}}
{{- $kind := "ClusterRole" -}}
{{- if eq $scope "namespace" }}{{ $kind = "Role" }}{{ else if ne $scope "cluster" }}
{{- fail (printf "%s: rbacScope must be cluster or namespace; found %q" $name $scope) }}
{{- end }}
apiVersion: rbac.authorization.k8s.io/v1
kind: {{ $kind }}
metadata:
  name: {{ include "flyte.namespace" $root }}-{{ $name }}
  {{- if eq $kind "Role" }}
  namespace: {{ include "flyte.namespace" $root }}
  {{- end }}
  labels:
    {{- include "flyte.labels" (list $root $name) | nindent 4 }}
rules:
  {{- if kindIs "map" $rules }}
  - {{ toYaml $rules | nindent 4 | trim }}
  {{- else }}
  {{- toYaml $rules | nindent 2 }}
  {{- end }}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: {{ $kind }}Binding
metadata:
  name: {{ include "flyte.namespace" $root }}-{{ $name }}-binding
  {{- if eq $kind "Role" }}
  namespace: {{ include "flyte.namespace" $root }}
  {{- end }}
  labels:
    {{- include "flyte.labels" (list $root $name) | nindent 4 }}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: {{ $kind }}
  name: {{ include "flyte.namespace" $root }}-{{ $name }}
subjects:
  - kind: ServiceAccount
    name: {{ $name }}
    namespace: {{ include "flyte.namespace" $root }}
{{- end -}}

{{/* A probe value: YAML text (flyte-core's form, through tpl), a map, or empty for the default. */}}
{{- define "flyte.probe" -}}
{{- $value := index . 0 -}}
{{- $default := index . 1 -}}
{{- $root := index . 2 -}}
{{- if and (kindIs "string" $value) $value }}
{{- tpl $value $root }}
{{- else if and (kindIs "map" $value) $value }}
{{- toYaml $value }}
{{- else }}
{{- toYaml $default }}
{{- end }}
{{- end -}}

{{/* The volumes every Java app container writes to: /tmp (the root file system is read-only). */}}
{{- define "flyte.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* The files of flyte-admin-base-config. */}}
{{- define "flyte.admin.configFiles" -}}
{{- with .Values.db.admin }}
{{ include "flyte.configFile" (list "db.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.domain }}
{{ include "flyte.configFile" (list "domain.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.logger }}
{{ include "flyte.configFile" (list "logger.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.otel }}
{{ include "flyte.configFile" (list "otel.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.adminServer }}
{{ include "flyte.configFile" (list "server.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.remoteData }}
{{ include "flyte.configFile" (list "remoteData.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.namespace_config }}
namespace_config.yaml: |{{ toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.configmap.clusterpool_config }}
clusterpool_config.yaml: |{{ toYaml . | nindent 2 }}
{{- end }}
{{- if not .Values.storage.secretName }}
storage.yaml: |{{ tpl (include "flyte.storage" .) . | nindent 2 }}
{{- end }}
{{- with .Values.configmap.task_resource_defaults }}
{{ include "flyte.configFile" (list "task_resource_defaults.yaml" . $) }}
{{- end }}
{{- if .Values.workflow_notifications.enabled }}
{{- $notifications := .Values.workflow_notifications.config.notifications }}
notifications.yaml: |
  notifications:
    type: {{ $notifications.type }}
    {{- if not $notifications.aws }}
    {{- with $notifications.region }}
    region: {{ tpl . $ }}
    {{- end }}
    {{- end }}
    {{- if eq $notifications.type "aws" }}
    {{- with $notifications.aws }}
    aws: {{ tpl (toYaml .) $ | nindent 6 }}
    {{- end }}
    {{- end }}
    {{- if eq $notifications.type "gcp" }}
    {{- with $notifications.gcp }}
    gcp: {{ tpl (toYaml .) $ | nindent 6 }}
    {{- end }}
    {{- end }}
    {{- with $notifications.publisher }}
    publisher: {{- tpl (toYaml .) $ | nindent 6 }}
    {{- end }}
    {{- with $notifications.processor }}
    processor: {{- tpl (toYaml .) $ | nindent 6 }}
    {{- end }}
    {{- with $notifications.emailer }}
    {{- /* Not through tpl: {{ project }} and friends are the emailer's own placeholders. */}}
    emailer: {{- toYaml . | nindent 6 }}
    {{- end }}
{{- end }}
{{- if .Values.external_events.enable }}
external_events.yaml: |
  externalEvents: {{ tpl (toYaml .Values.external_events) . | nindent 4 }}
{{- end }}
{{- if .Values.cloud_events.enable }}
cloud_events.yaml: |
  cloudEvents: {{ tpl (toYaml .Values.cloud_events) . | nindent 4 }}
{{- end }}
{{- if .Values.cluster_resource_manager.enabled }}
{{- with .Values.cluster_resource_manager.config }}
{{ include "flyte.configFile" (list "cluster_resources.yaml" . $) }}
{{- end }}
{{- end }}
{{- if and .Values.workflow_scheduler.enabled (eq .Values.workflow_scheduler.type "aws") }}
{{- with .Values.workflow_scheduler.config }}
{{ include "flyte.configFile" (list "scheduler.yaml" . $) }}
{{- end }}
{{- end }}
{{- end -}}

{{/* env and envFrom of every flyteadmin container (flyte-core gives envFrom to one only). */}}
{{- define "flyte.admin.env" -}}
env:
  {{- include "flyte.javaEnv" . | nindent 2 }}
  - name: POD_NAMESPACE
    valueFrom:
      fieldRef:
        fieldPath: metadata.namespace
  {{- with include "flyte.envList" (list .Values.flyteadmin.env .) }}{{ . | trim | nindent 2 }}{{- end }}
{{- with .Values.flyteadmin.envFrom }}
envFrom:
  {{- tpl (toYaml .) $ | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The files of datacatalog-config. */}}
{{- define "flyte.datacatalog.configFiles" -}}
{{- with .Values.db.datacatalog }}
{{ include "flyte.configFile" (list "db.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.otel }}
{{ include "flyte.configFile" (list "otel.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.logger }}
{{ include "flyte.configFile" (list "logger.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.datacatalogServer }}
{{ include "flyte.configFile" (list "server.yaml" . $) }}
{{- end }}
{{- if not .Values.storage.secretName }}
storage.yaml: |{{ tpl (include "flyte.storage" .) . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* The files of flyte-scheduler-config. */}}
{{- define "flyte.scheduler.configFiles" -}}
{{- with .Values.configmap.admin }}
{{ include "flyte.configFile" (list "admin.yaml" . $) }}
{{- end }}
{{- with .Values.db.admin }}
{{ include "flyte.configFile" (list "db.yaml" . $) }}
{{- end }}
{{- with .Values.configmap.schedulerConfig }}
server.yaml: |{{ toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.configmap.logger }}
{{ include "flyte.configFile" (list "logger.yaml" . $) }}
{{- end }}
{{- end -}}

{{/* env of a Java app container: the JVM options and the component's podEnv. */}}
{{- define "flyte.podEnv" -}}
{{- $root := index . 0 -}}
env:
  {{- include "flyte.javaEnv" $root | nindent 2 }}
  {{- with include "flyte.envList" (list (index . 1) $root) }}{{ . | trim | nindent 2 }}{{- end }}
{{- end -}}

{{- define "flyte.scheduler.volumeMounts" -}}
{{- with include "flyte.databaseSecret.volumeMount" . }}{{ . | trim | nindent 0 }}{{ end }}
- name: config-volume
  mountPath: /etc/flyte/config
{{- if .Values.secrets.adminOauthClientCredentials.enabled }}
- name: auth
  mountPath: /etc/secrets/
{{- end }}
- name: tmp
  mountPath: /tmp
{{- end -}}

{{/* The files of flyte-propeller-config. */}}
{{- define "flyte.propeller.configFiles" -}}
{{- range $file, $key := dict "admin.yaml" "admin" "catalog.yaml" "catalog" "copilot.yaml" "copilot" "core.yaml" "core" "enabled_plugins.yaml" "enabled_plugins" "k8s.yaml" "k8s" "logger.yaml" "logger" "otel.yaml" "otel" "resource_manager.yaml" "resource_manager" "task_logs.yaml" "task_logs" }}
{{- with index $.Values.configmap $key }}
{{ include "flyte.configFile" (list $file . $) }}
{{- end }}
{{- end }}
{{- if .Values.sparkoperator.enabled }}
{{- with .Values.sparkoperator.plugin_config }}
{{ include "flyte.configFile" (list "spark.yaml" . $) }}
{{- end }}
{{- end }}
{{- if .Values.databricks.enabled }}
{{- with .Values.databricks.plugin_config }}
{{ include "flyte.configFile" (list "databricks.yaml" . $) }}
{{- end }}
{{- end }}
{{- if .Values.flyteconnector.enabled }}
{{- with .Values.flyteconnector.plugin_config }}
{{ include "flyte.configFile" (list "connector_service.yaml" . $) }}
{{- end }}
{{- end }}
{{- if not .Values.storage.secretName }}
storage.yaml: |{{ tpl (include "flyte.storage" .) . | nindent 2 }}
{{- end }}
{{- end -}}

{{- define "flyte.webhook.env" -}}
env:
  - name: POD_NAME
    valueFrom:
      fieldRef:
        fieldPath: metadata.name
  - name: POD_NAMESPACE
    valueFrom:
      fieldRef:
        fieldPath: metadata.namespace
  {{- with include "flyte.envList" (list .Values.webhook.podEnv .) }}{{ . | trim | nindent 2 }}{{- end }}
{{- end -}}

{{- define "flyte.ingressTls" -}}
{{- $ingress := .Values.common.ingress -}}
{{- if $ingress.tls.enabled }}
tls:
  - secretName: {{ $ingress.tls.secretName | default (printf "%s-flyte-tls" .Release.Name) }}
    {{- with $ingress.host }}
    hosts:
      - {{ tpl . $ | quote }}
    {{- end }}
{{- end }}
{{- end -}}
