using System.Collections.Concurrent;
using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SQLitePCL;

namespace AleppoDashboard.Data.FastInsert;

/// <summary>Binds one column of a row to a prepared statement's parameter; returns SQLite's result code.</summary>
internal delegate int ColumnBinder<T>(T row, sqlite3_stmt statement, int index);

/// <summary>
/// Column binders for <see cref="RowInserter{T}"/>. Integer, enum and text columns without a value conversion of
/// their own (all the columns of sentences and facts: millions of rows in a large load) are read through compiled
/// getters and bound without boxing; any other column goes through the EF property's getter and value converter, as
/// Microsoft.Data.Sqlite would store it (enums as integers, dates as yyyy-MM-dd text).
/// Each property's binder (and the key's getter and setter) is compiled once per process, not once per
/// <see cref="RowInserter{T}"/>: a load makes five inserters a batch, and compiling their ~60 delegates each time
/// (expression trees, then the JIT) was most of the "insert articles" stage (benchmarks/PERFORMANCE.md).
/// </summary>
internal static class ColumnBinders<T> where T : class
{
    static readonly ConcurrentDictionary<IProperty, ColumnBinder<T>> binders = new();
    static readonly ConcurrentDictionary<IProperty, (Action<T, int> Set, Func<T, int> Get)> keys = new();

    public static ColumnBinder<T> For(IProperty property) => binders.GetOrAdd(property, Create);

    static ColumnBinder<T> Create(IProperty property)
    {
        var info = property.PropertyInfo;
        var converter = property.GetTypeMapping().Converter;
        var type = info?.PropertyType;
        var numberConverter = converter is null || (type is { IsEnum: true } && converter.GetType().IsGenericType
            && converter.GetType().GetGenericTypeDefinition() == typeof(EnumToNumberConverter<,>));
        if (info is not null && numberConverter && (type == typeof(int) || type == typeof(long) || type!.IsEnum))
        {
            var get = Getter<long>(info, v => Expression.Convert(v, typeof(long)));
            return (row, statement, index) => raw.sqlite3_bind_int64(statement, index, get(row));
        }
        if (info is not null && converter is null && type == typeof(string))
        {
            var get = Getter<string?>(info, v => v);
            return (row, statement, index) => get(row) is { } text ? BindUtf8(statement, index, text) : raw.sqlite3_bind_null(statement, index);
        }
        var getter = property.GetGetter();
        return (row, statement, index) =>
        {
            var value = getter.GetClrValue(row);
            if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
            return Bind(statement, index, value);
        };
    }

    [ThreadStatic]
    static byte[]? utf8;

    /// <summary>
    /// Binds text as UTF-8 bytes encoded here (vectorised; SQLite copies them) rather than as UTF-16 that SQLite converts
    /// itself, the database's encoding being UTF-8: the bytes Microsoft.Data.Sqlite binds for a string (it encodes it with
    /// Encoding.UTF8 too).
    /// </summary>
    static int BindUtf8(sqlite3_stmt statement, int index, string text)
    {
        var max = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (utf8 is null || utf8.Length < max) utf8 = new byte[Math.Max(max, 4096)];
        var length = Encoding.UTF8.GetBytes(text, utf8);
        return raw.sqlite3_bind_text(statement, index, utf8.AsSpan(0, length));
    }

    /// <summary>Sets and reads the key (an int) of a row.</summary>
    public static (Action<T, int> Set, Func<T, int> Get) Key(IProperty key) => keys.GetOrAdd(key, k =>
    {
        var row = Expression.Parameter(typeof(T));
        var id = Expression.Parameter(typeof(int));
        var set = Expression.Lambda<Action<T, int>>(Expression.Assign(Expression.Property(row, k.PropertyInfo!), id), row, id).Compile();
        return (set, Getter<int>(k.PropertyInfo!, v => v));
    });

    static Func<T, TValue> Getter<TValue>(System.Reflection.PropertyInfo info, Func<Expression, Expression> convert)
    {
        var row = Expression.Parameter(typeof(T));
        return Expression.Lambda<Func<T, TValue>>(convert(Expression.Property(row, info)), row).Compile();
    }

    /// <summary>Binds a value as Microsoft.Data.Sqlite would store it (enums as integers, dates as yyyy-MM-dd text).</summary>
    static int Bind(sqlite3_stmt statement, int index, object? value) => value switch
    {
        null => raw.sqlite3_bind_null(statement, index),
        string text => BindUtf8(statement, index, text),
        int number => raw.sqlite3_bind_int64(statement, index, number),
        long number => raw.sqlite3_bind_int64(statement, index, number),
        double number => raw.sqlite3_bind_double(statement, index, number),
        bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
        Enum choice => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(choice, CultureInfo.InvariantCulture)),
        DateOnly date => BindUtf8(statement, index, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        _ => throw new NotSupportedException($"{typeof(T).Name}: no binding for a {value.GetType().Name} column value."),
    };
}
