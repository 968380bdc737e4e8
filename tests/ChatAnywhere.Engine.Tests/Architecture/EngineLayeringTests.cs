using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Reflection.Emit;
using ChatAnywhere.Engine.Diagnosis;
using Xunit;

namespace ChatAnywhere.Engine.Tests.Architecture
{
    /// <summary>
    /// The engine's namespaces form layers (docs/architecture.md): a namespace may use only those of a
    /// lower layer. This reads every type of the engine assembly, its signatures and the IL of its
    /// method bodies, and fails on any reference that points up or sideways.
    /// </summary>
    public sealed class EngineLayeringTests
    {
        // Lowest first. "ChatAnywhere" is the output types' namespace (what users see).
        private static readonly string[][] Layers =
        {
            new[] { "ChatAnywhere" },
            new[] { "ChatAnywhere.Engine.Keys", "ChatAnywhere.Engine.Endpoints", "ChatAnywhere.Engine.Http", "ChatAnywhere.Engine.Json", "ChatAnywhere.Engine.Logging", "ChatAnywhere.Engine.Concurrency" },
            new[] { "ChatAnywhere.Engine.Diagnosis" },
            new[] { "ChatAnywhere.Engine.Resilience" },
            new[] { "ChatAnywhere.Engine.Probing" },
            new[] { "ChatAnywhere.Engine.Activation", "ChatAnywhere.Engine.Status", "ChatAnywhere.Engine.Management", "ChatAnywhere.Engine.Clients", "ChatAnywhere.Engine.Balance" },
            new[] { "ChatAnywhere.Engine.Rotation" },
        };

        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        [Fact]
        public void Every_engine_namespace_has_a_layer()
        {
            var unplaced = EngineTypes().Select(t => t.Namespace!).Distinct().Where(n => LayerOf(n) < 0).ToList();

            Assert.Empty(unplaced);
        }

        [Fact]
        public void No_namespace_references_one_above_it_or_beside_it()
        {
            var violations = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var type in EngineTypes())
            {
                var from = type.Namespace!;
                foreach (var used in ReferencedTypes(type))
                {
                    var to = used.Namespace;
                    if (to is null || to == from || used.Assembly != typeof(ResponseClassifier).Assembly)
                    {
                        continue;
                    }

                    if (LayerOf(to) >= LayerOf(from))
                    {
                        violations.Add($"{from} -> {to} ({type.Name} uses {used.Name})");
                    }
                }
            }

            Assert.Empty(violations);
        }

        [Fact]
        public void The_check_sees_references_inside_method_bodies()
        {
            // KeyProber calls the classifier inside an async method, whose body the compiler moves into a
            // nested state machine: the IL walk must find it there.
            var prober = typeof(ResponseClassifier).Assembly.GetType("ChatAnywhere.Engine.Probing.KeyProber")!;

            var used = prober.GetNestedTypes(BindingFlags.NonPublic).Append(prober).SelectMany(ReferencedTypes);

            Assert.Contains(typeof(ResponseClassifier), used);
        }

        private static IEnumerable<Type> EngineTypes() =>
            typeof(ResponseClassifier).Assembly.GetTypes().Where(t => t.Namespace is not null && t.Namespace.StartsWith("ChatAnywhere", StringComparison.Ordinal));

        private static int LayerOf(string ns)
        {
            for (var i = 0; i < Layers.Length; i++)
            {
                if (Layers[i].Contains(ns))
                {
                    return i;
                }
            }

            return -1;
        }

        private static IEnumerable<Type> ReferencedTypes(Type type)
        {
            const BindingFlags All = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            var found = new HashSet<Type>();
            void Add(Type? t)
            {
                if (t is null || !found.Add(t))
                {
                    return;
                }

                if (t.HasElementType)
                {
                    Add(t.GetElementType());
                }

                if (t.IsGenericType)
                {
                    foreach (var argument in t.GetGenericArguments())
                    {
                        Add(argument);
                    }
                }
            }

            Add(type.BaseType);
            foreach (var contract in type.GetInterfaces())
            {
                Add(contract);
            }

            foreach (var field in type.GetFields(All))
            {
                Add(field.FieldType);
            }

            foreach (var property in type.GetProperties(All))
            {
                Add(property.PropertyType);
            }

            foreach (var method in type.GetMethods(All).Cast<MethodBase>().Concat(type.GetConstructors(All)))
            {
                if (method is MethodInfo info)
                {
                    Add(info.ReturnType);
                }

                foreach (var parameter in method.GetParameters())
                {
                    Add(parameter.ParameterType);
                }

                foreach (var used in TypesInBody(method))
                {
                    Add(used);
                }
            }

            return found;
        }

        [Fact]
        public void Only_HttpExchange_sends_requests()
        {
            // One way to send (docs/architecture.md): a second SendAsync would bring back a copy of the
            // timeout, bounded-body and failure handling.
            var senders = EngineTypes()
                .Where(t => !(t.FullName ?? string.Empty).StartsWith("ChatAnywhere.Engine.Http.HttpExchange", StringComparison.Ordinal))
                .Where(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
                    .Cast<MethodBase>()
                    .Any(m => MembersInBody(m).Any(member => member.DeclaringType == typeof(System.Net.Http.HttpClient) && member.Name == "SendAsync")))
                .Select(t => t.FullName)
                .ToList();

            Assert.Empty(senders);
        }

        private static IEnumerable<Type> TypesInBody(MethodBase method)
        {
            foreach (var member in MembersInBody(method))
            {
                if (member is Type resolvedType)
                {
                    yield return resolvedType;
                }
                else if (member.DeclaringType is not null)
                {
                    yield return member.DeclaringType;
                }
            }
        }

        // Walks the IL and resolves every type, field and method token.
        private static IEnumerable<MemberInfo> MembersInBody(MethodBase method)
        {
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
            {
                yield break;
            }

            var module = method.Module;
            var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
            var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
            var position = 0;
            while (position < il.Length)
            {
                short value = il[position++];
                if (value == 0xFE)
                {
                    value = (short)(0xFE00 | il[position++]);
                }

                var opCode = OpCodesByValue[value];
                switch (opCode.OperandType)
                {
                    case OperandType.InlineMethod:
                    case OperandType.InlineField:
                    case OperandType.InlineType:
                    case OperandType.InlineTok:
                        var token = BitConverter.ToInt32(il, position);
                        if (Resolve(module, token, typeArguments, methodArguments) is { } member)
                        {
                            yield return member;
                        }

                        position += 4;
                        break;
                    case OperandType.InlineSwitch:
                        position += 4 + (BitConverter.ToInt32(il, position) * 4);
                        break;
                    case OperandType.InlineI8:
                    case OperandType.InlineR:
                        position += 8;
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget:
                    case OperandType.ShortInlineI:
                    case OperandType.ShortInlineVar:
                        position += 1;
                        break;
                    case OperandType.InlineVar:
                        position += 2;
                        break;
                    default:
                        position += 4;
                        break;
                }
            }
        }

        private static MemberInfo? Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
        {
            try
            {
                return module.ResolveMember(token, typeArguments, methodArguments);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
    }
}
