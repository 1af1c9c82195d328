using System.Reflection;
using System.Reflection.Emit;
using HoldingToAccount.Tests.Browser;
using HoldingToAccount.Tests.Mail;

namespace HoldingToAccount.Tests.TestData;

/// <summary>
/// The PostgreSQL pass of test.sh runs only the tests marked <c>Needs=Database</c>, so a database test without the
/// mark would quietly stop running on PostgreSQL. This reads the test assembly's code: a test class that reaches the
/// scratch database (itself, through a base class, a fixture, a collection or a helper such as the reminder harness)
/// must carry <c>[Needs(Need.Database)]</c> (on itself or its base class), and likewise for the browser, the SMTP server and the IMAP server; and no class carries a
/// mark it does not need.
/// </summary>
public sealed class NeedsTraitTests
{
    public static TheoryData<Need> AllNeeds => [.. Enum.GetValues<Need>()];

    [Theory]
    [MemberData(nameof(AllNeeds))]
    public void Every_test_class_that_reaches_what_it_needs_carries_the_mark_and_no_other_does(Need need)
    {
        var root = need switch
        {
            Need.Database => typeof(ScratchDatabase),
            Need.Browser => typeof(BrowserFixture),
            Need.Smtp => typeof(SmtpSink),
            Need.Imap => typeof(DovecotServer),
            _ => throw new ArgumentOutOfRangeException(nameof(need)),
        };
        var reaching = TestClasses.Where(c => CodeGraph.Reaches(c, root)).Select(c => c.FullName).ToHashSet();
        var marked = TestClasses.Where(c => c.GetCustomAttributes<NeedsAttribute>(inherit: true).Any(a => a.Needs.Contains(need)))
            .Select(c => c.FullName).ToHashSet();

        var unmarked = reaching.Except(marked).Order().ToList();
        var needless = marked.Except(reaching).Order().ToList();
        Assert.True(unmarked.Count == 0, $"Reach {root.Name} but lack [Needs(Need.{need})]: {string.Join(", ", unmarked)}");
        Assert.True(needless.Count == 0, $"Marked [Needs(Need.{need})] but never reach {root.Name}: {string.Join(", ", needless)}");
    }

    [Fact]
    public void The_component_tests_get_the_database_mark_from_their_base_class()
    {
        var components = TestClasses.Where(c => c.IsSubclassOf(typeof(Components.DashboardContext))).ToList();

        Assert.NotEmpty(components);
        Assert.All(components, c => Assert.Empty(c.GetCustomAttributes<NeedsAttribute>(inherit: false)));
        Assert.All(components, c => Assert.Contains(c.GetCustomAttributes<NeedsAttribute>(inherit: true), a => a.Needs.Contains(Need.Database)));
    }

    private static readonly Type[] TestClasses = [.. typeof(NeedsTraitTests).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t != typeof(NeedsTraitTests) && t.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)))];

    private static readonly TypeGraph CodeGraph = new(typeof(NeedsTraitTests).Assembly);

    /// <summary>Which of the test assembly's top-level types use which others: in signatures, fields, base types,
    /// fixtures, collections and the members the code calls or reads (nested and compiler-made types count as their outer type).</summary>
    private sealed class TypeGraph
    {
        private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        private readonly Assembly _assembly;
        private readonly Dictionary<Type, HashSet<Type>> _uses = [];
        private readonly Dictionary<string, Type> _collections;

        public TypeGraph(Assembly assembly)
        {
            _assembly = assembly;
            _collections = assembly.GetTypes()
                .SelectMany(t => t.GetCustomAttributes<CollectionDefinitionAttribute>().Select(a => (Name: CollectionName(t), Type: t)))
                .ToDictionary(c => c.Name, c => c.Type);
        }

        public bool Reaches(Type from, Type to)
        {
            var seen = new HashSet<Type>();
            var queue = new Queue<Type>([Outermost(from)]);
            while (queue.TryDequeue(out var type))
            {
                if (type == to)
                    return true;
                if (seen.Add(type))
                    foreach (var used in Uses(type))
                        queue.Enqueue(used);
            }
            return false;
        }

        private HashSet<Type> Uses(Type type)
        {
            if (_uses.TryGetValue(type, out var known))
                return known;
            var uses = new HashSet<Type>();
            foreach (var t in WithNested(type))
            {
                Add(uses, t.BaseType);
                foreach (var i in t.GetInterfaces())
                    Add(uses, i);
                foreach (var collection in t.GetCustomAttributesData().Where(a => a.AttributeType == typeof(CollectionAttribute)))
                    if (collection.ConstructorArguments is [{ Value: string name }] && _collections.TryGetValue(name, out var definition))
                        Add(uses, definition);
                const BindingFlags declared = BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
                foreach (var field in t.GetFields(declared))
                    Add(uses, field.FieldType);
                foreach (var method in t.GetMethods(declared).Cast<MethodBase>().Concat(t.GetConstructors(declared)))
                {
                    foreach (var parameter in method.GetParameters())
                        Add(uses, parameter.ParameterType);
                    if (method is MethodInfo info)
                        Add(uses, info.ReturnType);
                    foreach (var member in Referenced(method))
                        AddMember(uses, member);
                }
            }
            uses.Remove(type);
            return _uses[type] = uses;
        }

        private void AddMember(HashSet<Type> uses, MemberInfo member)
        {
            switch (member)
            {
                case Type t:
                    Add(uses, t);
                    break;
                case MethodInfo { IsGenericMethod: true } generic:
                    Add(uses, generic.DeclaringType);
                    foreach (var argument in generic.GetGenericArguments())
                        Add(uses, argument);
                    break;
                case FieldInfo field:
                    Add(uses, field.DeclaringType);
                    Add(uses, field.FieldType);
                    break;
                default:
                    Add(uses, member.DeclaringType);
                    break;
            }
        }

        private void Add(HashSet<Type> uses, Type? type)
        {
            if (type is null)
                return;
            if (type.HasElementType)
            {
                Add(uses, type.GetElementType());
                return;
            }
            if (type.IsGenericType && !type.IsGenericTypeDefinition)
            {
                foreach (var argument in type.GetGenericArguments())
                    Add(uses, argument);
                type = type.GetGenericTypeDefinition();
            }
            if (type.Assembly == _assembly && !type.IsGenericParameter)
                uses.Add(Outermost(type));
        }

        private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

        private static IEnumerable<Type> WithNested(Type type) =>
            type.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic).SelectMany(WithNested).Prepend(type);

        private static string CollectionName(Type definition) =>
            definition.GetCustomAttributesData().Single(a => a.AttributeType == typeof(CollectionDefinitionAttribute))
                .ConstructorArguments.Select(a => a.Value).OfType<string>().Single();

        /// <summary>The types, methods and fields a method's IL names (call, newobj, ldfld, ldtoken…).</summary>
        private static List<MemberInfo> Referenced(MethodBase method)
        {
            var members = new List<MemberInfo>();
            var il = method.GetMethodBody()?.GetILAsByteArray();
            if (il is null)
                return members;
            var typeArguments = method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null;
            var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
            for (var i = 0; i < il.Length;)
            {
                var value = (short)il[i++];
                if (value == 0xFE)
                    value = unchecked((short)(0xFE00 | il[i++]));
                switch (OpCodesByValue[value].OperandType)
                {
                    case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                        try
                        {
                            members.Add(method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments)!);
                        }
                        catch (ArgumentException)
                        {
                            // A member of a generic type outside this method's generic context: not one of ours.
                        }
                        i += 4;
                        break;
                    case OperandType.InlineSwitch:
                        i += 4 + (4 * BitConverter.ToInt32(il, i));
                        break;
                    case OperandType.InlineNone:
                        break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                        i += 1;
                        break;
                    case OperandType.InlineVar:
                        i += 2;
                        break;
                    case OperandType.InlineI8 or OperandType.InlineR:
                        i += 8;
                        break;
                    default:
                        i += 4;
                        break;
                }
            }
            return members;
        }
    }
}
