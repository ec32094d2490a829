using Mono.Cecil;
using Mono.Cecil.Cil;
using Xunit.Abstractions;

namespace ManifestLint.Tests;

/// <summary>
/// The engine's parts form layers: no part of <c>ManifestLint.dll</c> (a namespace under <c>ManifestLint</c>, with its
/// sub-namespaces: <c>Model.Kustomize</c> is part of <c>Model</c>) uses, through its types, a part that uses it back
/// (issue 22). Read from the compiled assembly, so every use counts: signatures, base types, fields, locals and the IL
/// of method bodies, not only <c>using</c> lines.
/// </summary>
public sealed class ArchitectureTests
{
    private readonly ITestOutputHelper _output;

    public ArchitectureTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void Engine_namespaces_have_no_cycle()
    {
        var uses = NamespaceUses(typeof(ManifestLint.Analysis.ManifestRule).Assembly.Location);
        foreach (var pair in uses.OrderBy(p => p.Key.From, StringComparer.Ordinal).ThenBy(p => p.Key.To, StringComparer.Ordinal))
        {
            _output.WriteLine($"{pair.Key.From} -> {pair.Key.To}: {string.Join(", ", pair.Value.Take(4))}");
        }

        var cycles = Cycles(uses.Keys);
        Assert.True(cycles.Count == 0, "namespace cycles:\n" + string.Join("\n", cycles.Select(c => string.Join(" -> ", c) + "\n  " +
            string.Join("\n  ", c.Zip(c.Skip(1).Append(c[0]), (a, b) => $"{a} -> {b}: {string.Join(", ", uses[(a, b)].Take(3))}")))));
    }

    /// <summary>For each pair of different namespaces, the types of the first that use a type of the second.</summary>
    private static Dictionary<(string From, string To), SortedSet<string>> NamespaceUses(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var uses = new Dictionary<(string, string), SortedSet<string>>();
        foreach (var type in module.GetTypes())
        {
            var from = NamespaceOf(type);
            if (!from.StartsWith("ManifestLint", StringComparison.Ordinal))
            {
                continue;
            }

            void Use(TypeReference? used)
            {
                while (used is TypeSpecification specification)
                {
                    if (used is GenericInstanceType generic)
                    {
                        foreach (var argument in generic.GenericArguments)
                        {
                            Use(argument);
                        }
                    }

                    used = specification.ElementType;
                }

                if (used is null || used is GenericParameter || used.Scope != module && used.Module != module || used.Scope is AssemblyNameReference)
                {
                    return;
                }

                var to = NamespaceOf(used);
                if (to.Length > 0 && to != from)
                {
                    if (!uses.TryGetValue((from, to), out var users))
                    {
                        uses[(from, to)] = users = new SortedSet<string>(StringComparer.Ordinal);
                    }

                    users.Add(Outermost(type).Name + "→" + Outermost(used).Name);
                }
            }

            Use(type.BaseType);
            foreach (var implemented in type.Interfaces)
            {
                Use(implemented.InterfaceType);
            }

            foreach (var field in type.Fields)
            {
                Use(field.FieldType);
            }

            foreach (var property in type.Properties)
            {
                Use(property.PropertyType);
            }

            foreach (var method in type.Methods)
            {
                Use(method.ReturnType);
                foreach (var parameter in method.Parameters)
                {
                    Use(parameter.ParameterType);
                }

                if (!method.HasBody)
                {
                    continue;
                }

                foreach (var variable in method.Body.Variables)
                {
                    Use(variable.VariableType);
                }

                foreach (var instruction in method.Body.Instructions)
                {
                    switch (instruction.Operand)
                    {
                        case TypeReference typeOperand:
                            Use(typeOperand);
                            break;
                        case MemberReference member:
                            Use(member.DeclaringType);
                            if (member is MethodReference called)
                            {
                                Use(called.ReturnType);
                                if (called is GenericInstanceMethod genericMethod)
                                {
                                    foreach (var argument in genericMethod.GenericArguments)
                                    {
                                        Use(argument);
                                    }
                                }
                            }
                            else if (member is FieldReference field)
                            {
                                Use(field.FieldType);
                            }

                            break;
                    }
                }
            }
        }

        return uses;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    /// <summary><c>ManifestLint.Model</c> for a type of <c>ManifestLint.Model.Kustomize</c>.</summary>
    private static string NamespaceOf(TypeReference type) =>
        string.Join(".", Outermost(type).Namespace.Split('.').Take(2));

    /// <summary>One cycle per strongly connected component of more than one namespace (Tarjan).</summary>
    private static List<List<string>> Cycles(IEnumerable<(string From, string To)> edges)
    {
        var graph = edges.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To).OrderBy(t => t, StringComparer.Ordinal).ToList());
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var cycles = new List<List<string>>();
        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node) ?? new List<string>())
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);
                if (component.Count > 1)
                {
                    cycles.Add(ShortestCycle(component, graph));
                }
            }
        }

        foreach (var node in graph.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return cycles;
    }

    /// <summary>A shortest cycle through the component's first namespace, for a readable failure.</summary>
    private static List<string> ShortestCycle(List<string> component, Dictionary<string, List<string>> graph)
    {
        var start = component.OrderBy(c => c, StringComparer.Ordinal).First();
        var members = new HashSet<string>(component);
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var next in graph.GetValueOrDefault(node) ?? new List<string>())
            {
                if (next == start)
                {
                    var path = new List<string> { node };
                    while (path[0] != start)
                    {
                        path.Insert(0, previous[path[0]]);
                    }

                    return path;
                }

                if (members.Contains(next) && !previous.ContainsKey(next) && next != start)
                {
                    previous[next] = node;
                    queue.Enqueue(next);
                }
            }
        }

        return component;
    }
}
