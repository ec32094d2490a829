using ManifestLint.Yaml;

namespace ManifestLint.Model.Schema;

public enum ViolationKind
{
    UnknownField,
    WrongType,
}

/// <summary>A field the API does not know, or a value of the wrong type, inside a modelled structure.</summary>
/// <summary>
/// A field the API does not know, or a value of the wrong type, inside a modelled structure. <see cref="ItemIndex"/>
/// is set when the wrong value is an item of a list field (a string where a container mapping belongs).
/// </summary>
public sealed record SchemaViolation(ViolationKind Kind, Structure Structure, YamlEntry Entry, FieldSpec? Expected, int? ItemIndex = null)
{
    /// <summary>The offending node: the item of a list, or the field's value.</summary>
    public YamlNode Node => ItemIndex is { } index && Entry.Value is YamlSequence sequence ? sequence[index] : Entry.Value;
}

/// <summary>Walks an object's modelled structures and lists what the API's decoder would reject.</summary>
public static class SchemaChecker
{
    /// <summary>The violations of an object, computed once and shared by ML0005 and ML0006.</summary>
    public static IReadOnlyList<SchemaViolation> Check(KubeObject obj) =>
        obj.SchemaViolationsOnce(Compute);

    private static IReadOnlyList<SchemaViolation> Compute(KubeObject obj)
    {
        var violations = new List<SchemaViolation>();
        var top = obj.Kind switch
        {
            "ConfigMap" => KubernetesSchema.ConfigMap,
            "Secret" => KubernetesSchema.Secret,
            _ => null,
        };
        if (top is not null)
        {
            Walk(obj.Root, top, violations);
        }
        else if (obj.Metadata is not null)
        {
            Walk(obj.Metadata, KubernetesSchema.ObjectMeta, violations);
        }

        foreach (var podSpec in obj.PodSpecs)
        {
            Walk(podSpec.Node, KubernetesSchema.PodSpec, violations);
        }

        return violations;
    }

    private static void Walk(YamlMapping mapping, Structure structure, List<SchemaViolation> violations)
    {
        foreach (var entry in mapping.Entries)
        {
            if (entry.IsMerged || entry.Name is null || PatchDirectives.IsDirectiveKey(entry.Name))
            {
                continue;
            }

            if (!structure.Fields.TryGetValue(entry.Name, out var spec))
            {
                if (!structure.IsOpen)
                {
                    violations.Add(new SchemaViolation(ViolationKind.UnknownField, structure, entry, null));
                }

                continue;
            }

            if (!HasType(entry.Value, spec.Type))
            {
                violations.Add(new SchemaViolation(ViolationKind.WrongType, structure, entry, spec));
                continue;
            }

            switch (spec.Type)
            {
                case FieldType.Object when entry.Value is YamlMapping child:
                    Walk(child, spec.Structure!, violations);
                    break;
                case FieldType.List when entry.Value is YamlSequence sequence:
                    for (var i = 0; i < sequence.Count; i++)
                    {
                        if (PatchDirectives.IsDirectiveElement(sequence[i]))
                        {
                            continue;
                        }

                        switch (sequence[i])
                        {
                            case YamlMapping element:
                                Walk(element, spec.Structure!, violations);
                                break;
                            case YamlScalar { ResolvedType: ScalarType.Null }:
                                break;
                            default:
                                violations.Add(new SchemaViolation(ViolationKind.WrongType, structure, entry, new FieldSpec(FieldType.Object, spec.Structure), i));
                                break;
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>Whether the decoder accepts the value for the type; JSON null decodes to the zero value everywhere.</summary>
    public static bool HasType(YamlNode value, FieldType type)
    {
        if (value is YamlScalar { ResolvedType: ScalarType.Null })
        {
            return true;
        }

        return type switch
        {
            FieldType.Any => true,
            FieldType.String => value is YamlScalar { IsResolvedString: true },
            FieldType.Bool => value is YamlScalar { ResolvedType: ScalarType.Bool },
            FieldType.Int32 => value is YamlScalar scalar && IsInt32(scalar.Resolved),
            FieldType.Map or FieldType.Object => value is YamlMapping,
            FieldType.List => value is YamlSequence,
            _ => true,
        };
    }

    private static bool IsInt32(ResolvedScalar resolved) => resolved.AsInt32 is not null;
}
