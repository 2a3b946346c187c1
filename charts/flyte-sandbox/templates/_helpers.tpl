{{- define "sandbox.labels" -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
app.kubernetes.io/managed-by: {{ (index . 0).Release.Service }}
{{- end -}}

{{- define "sandbox.selector" -}}
app.kubernetes.io/name: {{ index . 1 }}
app.kubernetes.io/instance: {{ (index . 0).Release.Name }}
{{- end -}}

{{/* The data volume of a store: a PersistentVolumeClaim when a size is given, else an emptyDir. */}}
{{- define "sandbox.dataVolume" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $size := index . 2 -}}
- name: data
  {{- if $size }}
  persistentVolumeClaim:
    claimName: {{ $name }}-data
  {{- else }}
  emptyDir: {}
  {{- end }}
{{- end -}}

{{- define "sandbox.pvc" -}}
{{- $root := index . 0 -}}
{{- $name := index . 1 -}}
{{- $size := index . 2 -}}
{{- if $size }}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ $name }}-data
  namespace: {{ $root.Release.Namespace }}
  labels:
    {{- include "sandbox.labels" (list $root $name) | nindent 4 }}
spec:
  accessModes: ["ReadWriteOnce"]
  resources:
    requests:
      storage: {{ $size }}
{{- end }}
{{- end -}}
