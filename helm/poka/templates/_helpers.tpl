{{/*
Chart name, truncated to the 63 characters a label value allows.
*/}}
{{- define "poka.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Fully qualified name: <release>-<chart>, or the release name alone when it already contains the chart name.
*/}}
{{- define "poka.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/*
Chart name and version, for the helm.sh/chart label.
*/}}
{{- define "poka.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Standard labels on every object.
*/}}
{{- define "poka.labels" -}}
helm.sh/chart: {{ include "poka.chart" . }}
{{ include "poka.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: server
app.kubernetes.io/part-of: poka
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
Selector labels: stable across upgrades, so they never include the version.
*/}}
{{- define "poka.selectorLabels" -}}
app.kubernetes.io/name: {{ include "poka.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/*
Name of the ServiceAccount the pods run as.
*/}}
{{- define "poka.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "poka.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/*
Name of the claim behind the data directory.
*/}}
{{- define "poka.dataClaimName" -}}
{{- default (printf "%s-data" (include "poka.fullname" .)) .Values.persistence.existingClaim }}
{{- end }}

{{/*
Image reference; the tag defaults to the chart's appVersion.
*/}}
{{- define "poka.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) }}
{{- end }}

{{/*
JDBC URL, with sslmode and the mounted CA certificate appended when database.tls is enabled.
*/}}
{{- define "poka.jdbcUrl" -}}
{{- $url := .Values.database.jdbcUrl }}
{{- if .Values.database.tls.enabled }}
{{- $sep := ternary "&" "?" (contains "?" $url) }}
{{- printf "%s%ssslmode=%s&sslrootcert=/etc/poka/tls/postgres/%s" $url $sep .Values.database.tls.sslMode .Values.database.tls.caKey }}
{{- else }}
{{- $url }}
{{- end }}
{{- end }}

{{/*
Kafka security.protocol from kafka.tls and kafka.sasl.
*/}}
{{- define "poka.kafkaSecurityProtocol" -}}
{{- if and .Values.kafka.tls.enabled .Values.kafka.sasl.enabled }}SASL_SSL
{{- else if .Values.kafka.sasl.enabled }}SASL_PLAINTEXT
{{- else }}SSL
{{- end }}
{{- end }}

{{/*
JAAS login module of the SASL mechanism.
*/}}
{{- define "poka.kafkaLoginModule" -}}
{{- if eq .Values.kafka.sasl.mechanism "PLAIN" }}org.apache.kafka.common.security.plain.PlainLoginModule
{{- else }}org.apache.kafka.common.security.scram.ScramLoginModule
{{- end }}
{{- end }}
