namespace ManifestLint.Model.Schema;

/// <summary>
/// The parts of the core/v1 API the tool models (field names and JSON types from k8s.io/api). Unknown
/// fields are rejected by kubectl's strict validation and types are checked at decode time (docs/kubernetes-behaviour.md#yaml-decoding), so these
/// lists must match the API exactly: a field missing here would be a false ML0006.
/// </summary>
public static class KubernetesSchema
{
    public static readonly Structure ObjectMeta = new Structure("metadata", open: true)
        .WithFields(FieldType.String, "name", "namespace", "generateName")
        .Field("labels", FieldType.Map)
        .Field("annotations", FieldType.Map);

    public static readonly Structure KeyToPath = new Structure("an items entry")
        .WithFields(FieldType.String, "key", "path")
        .Field("mode", FieldType.Int32);

    public static readonly Structure DownwardApiFile = new Structure("a downwardAPI items entry")
        .Field("path", FieldType.String)
        .WithFields(FieldType.Any, "fieldRef", "resourceFieldRef")
        .Field("mode", FieldType.Int32);

    public static readonly Structure ConfigMapVolumeSource = new Structure("a configMap volume")
        .Field("name", FieldType.String)
        .Field("items", FieldType.List, KeyToPath)
        .Field("defaultMode", FieldType.Int32)
        .Field("optional", FieldType.Bool);

    public static readonly Structure SecretVolumeSource = new Structure("a secret volume")
        .Field("secretName", FieldType.String)
        .Field("items", FieldType.List, KeyToPath)
        .Field("defaultMode", FieldType.Int32)
        .Field("optional", FieldType.Bool);

    public static readonly Structure DownwardApiVolumeSource = new Structure("a downwardAPI volume")
        .Field("items", FieldType.List, DownwardApiFile)
        .Field("defaultMode", FieldType.Int32);

    public static readonly Structure ConfigMapProjection = new Structure("a projected configMap source")
        .Field("name", FieldType.String)
        .Field("items", FieldType.List, KeyToPath)
        .Field("optional", FieldType.Bool);

    public static readonly Structure SecretProjection = new Structure("a projected secret source")
        .Field("name", FieldType.String)
        .Field("items", FieldType.List, KeyToPath)
        .Field("optional", FieldType.Bool);

    public static readonly Structure DownwardApiProjection = new Structure("a projected downwardAPI source")
        .Field("items", FieldType.List, DownwardApiFile);

    public static readonly Structure VolumeProjection = new Structure("a projected volume source")
        .Field("configMap", FieldType.Object, ConfigMapProjection)
        .Field("secret", FieldType.Object, SecretProjection)
        .Field("downwardAPI", FieldType.Object, DownwardApiProjection)
        .WithFields(FieldType.Any, "serviceAccountToken", "clusterTrustBundle", "podCertificate");

    public static readonly Structure ProjectedVolumeSource = new Structure("a projected volume")
        .Field("sources", FieldType.List, VolumeProjection)
        .Field("defaultMode", FieldType.Int32);

    public static readonly Structure Volume = new Structure("a volume")
        .Field("name", FieldType.String)
        .Field("configMap", FieldType.Object, ConfigMapVolumeSource)
        .Field("secret", FieldType.Object, SecretVolumeSource)
        .Field("projected", FieldType.Object, ProjectedVolumeSource)
        .Field("downwardAPI", FieldType.Object, DownwardApiVolumeSource)
        .WithFields(
            FieldType.Any,
            "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "nfs", "iscsi", "glusterfs",
            "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "fc", "azureFile",
            "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "portworxVolume", "scaleIO", "storageos",
            "csi", "ephemeral", "image");

    public static readonly Structure KeySelector = new Structure("a key reference")
        .WithFields(FieldType.String, "name", "key")
        .Field("optional", FieldType.Bool);

    public static readonly Structure EnvVarSource = new Structure("valueFrom")
        .Field("configMapKeyRef", FieldType.Object, KeySelector)
        .Field("secretKeyRef", FieldType.Object, KeySelector)
        .WithFields(FieldType.Any, "fieldRef", "resourceFieldRef", "fileKeyRef");

    public static readonly Structure EnvVar = new Structure("an env entry")
        .WithFields(FieldType.String, "name", "value")
        .Field("valueFrom", FieldType.Object, EnvVarSource);

    public static readonly Structure EnvSource = new Structure("an envFrom source")
        .Field("name", FieldType.String)
        .Field("optional", FieldType.Bool);

    public static readonly Structure EnvFromSource = new Structure("an envFrom entry")
        .Field("prefix", FieldType.String)
        .Field("configMapRef", FieldType.Object, EnvSource)
        .Field("secretRef", FieldType.Object, EnvSource);

    public static readonly Structure VolumeMount = new Structure("a volumeMounts entry")
        .WithFields(FieldType.String, "name", "mountPath", "subPath", "subPathExpr", "mountPropagation", "recursiveReadOnly")
        .Field("readOnly", FieldType.Bool);

    /// <summary>A container: only the modelled lists are checked.</summary>
    public static readonly Structure Container = new Structure("a container", open: true)
        .Field("name", FieldType.String)
        .Field("env", FieldType.List, EnvVar)
        .Field("envFrom", FieldType.List, EnvFromSource)
        .Field("volumeMounts", FieldType.List, VolumeMount);

    /// <summary>A pod spec: only volumes and containers are checked.</summary>
    public static readonly Structure PodSpec = new Structure("a pod spec", open: true)
        .Field("volumes", FieldType.List, Volume)
        .Field("containers", FieldType.List, Container)
        .Field("initContainers", FieldType.List, Container)
        .Field("ephemeralContainers", FieldType.List, Container);

    public static readonly Structure ConfigMap = new Structure("a ConfigMap")
        .WithFields(FieldType.String, "apiVersion", "kind")
        .Field("metadata", FieldType.Object, ObjectMeta)
        .WithFields(FieldType.Map, "data", "binaryData")
        .Field("immutable", FieldType.Bool);

    public static readonly Structure Secret = new Structure("a Secret")
        .WithFields(FieldType.String, "apiVersion", "kind", "type")
        .Field("metadata", FieldType.Object, ObjectMeta)
        .WithFields(FieldType.Map, "data", "stringData")
        .Field("immutable", FieldType.Bool);
}
