using System;
using System.Runtime.CompilerServices;
using Stm.Engine;
using Stm.Internal;
using Stm.Runtime.Tests.Model;
using Xunit;

namespace Stm.Runtime.Tests;

/// <summary>
/// The object header's lock word (<see cref="HeaderWord"/>): owner and copy index while written, fresh-stamp while new,
/// the last committed write's property otherwise; and what rollbacks give back.
/// </summary>
public class HeaderWordTests
{
    [Fact]
    public void The_header_is_two_words()
    {
        // Its size is every transactional object's overhead: 16 bytes keep a three-field tree node at 56 bytes.
        Assert.Equal(16, Unsafe.SizeOf<TxHeader>());
    }

    [Fact]
    public void A_commit_leaves_the_written_property_in_the_word_and_a_rolled_back_write_restores_it()
    {
        var account = new Account("a", 0);
        account.Balance = 5; // a one-write transaction
        long committed = WordOf(account);
        Assert.False(HeaderWord.IsOwned(committed));
        Assert.Equal("Account.Balance", TransactionalProperty.FromIndex(HeaderWord.Site(committed)).ToString());

        Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
        {
            account.Next = account;
            Assert.True(HeaderWord.BelongsTo(WordOf(account), Segment.Current!.Index));
            throw new InvalidOperationException("roll back");
        }));

        Assert.Equal(committed, WordOf(account));
        Assert.Null(account.Next);
        Assert.Equal(5, account.Balance);
    }

    [Fact]
    public void A_rolled_back_nested_write_gives_the_object_back_to_the_enclosing_level_and_its_copy()
    {
        var account = new Account("a", 1);
        long balance = Atomic.Run(() =>
        {
            account.Balance = 2;
            long outer = WordOf(account);
            Assert.Throws<InvalidOperationException>(() => Atomic.Run(() =>
            {
                account.Balance = 3;
                Assert.NotEqual(outer, WordOf(account)); // the nested level's own copy
                throw new InvalidOperationException("roll back the nested block");
            }));
            Assert.Equal(outer, WordOf(account));
            return account.Balance;
        });

        Assert.Equal(2, balance);
        Assert.Equal(2, account.Balance);
        Assert.False(HeaderWord.IsOwned(WordOf(account)));
    }

    [Fact]
    public void An_object_allocated_in_a_transaction_is_fresh_there_and_free_to_the_next()
    {
        Account made = Atomic.Run(() =>
        {
            var fresh = new Account("f", 1);
            Assert.Equal(Segment.Current!.FreshStamp, WordOf(fresh));
            Assert.True(Barrier.IsFresh(ref ((ITransactionalObject)fresh).StmHeader));
            fresh.Balance = 2; // written in place: no lock taken
            Assert.False(HeaderWord.IsOwned(WordOf(fresh)));
            return fresh;
        });

        Atomic.Run(() =>
        {
            Assert.False(Barrier.IsFresh(ref ((ITransactionalObject)made).StmHeader));
            made.Balance = 3; // takes the write lock from the stale stamp
            Assert.True(HeaderWord.BelongsTo(WordOf(made), Segment.Current!.Index));
        });

        Assert.Equal(3, made.Balance);
        Assert.Equal("Account.Balance", TransactionalProperty.FromIndex(HeaderWord.Site(WordOf(made))).ToString());
    }

    private static long WordOf(ITransactionalObject obj) => obj.StmHeader.Word;
}
